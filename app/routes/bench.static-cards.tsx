import { StaticCards } from "~/lib/benchmark/static-cards";

/**
 * Twenty static cards through the app's own root layout (language, person, shell, notice): the
 * ceiling that `/activities` is measured against. Served only when the benchmark starts the
 * server with MEEDOEN_BENCHMARK=1; otherwise it is a page that does not exist.
 */
export function loader() {
  if (process.env.MEEDOEN_BENCHMARK !== "1") throw new Response("Not found", { status: 404 });
  return null;
}

export default function BenchStaticCards() {
  return (
    <section className="stack">
      <h1>Заходи</h1>
      <StaticCards />
    </section>
  );
}
