import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AreaIntro } from "~/components/area-intro";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.groups.title");

export async function loader({ context }: LoaderFunctionArgs) {
  return { signedIn: Boolean(context.auth.user) };
}

export default function GroupsPage() {
  const { signedIn } = useLoaderData<typeof loader>();
  return <AreaIntro area="groups" signedIn={signedIn} />;
}
