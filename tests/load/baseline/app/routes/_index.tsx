import { StaticCards } from "../../../../../app/lib/benchmark/static-cards";

export default function Index() {
  return (
    <main>
      <h1>Заходи</h1>
      <StaticCards />
    </main>
  );
}
