import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaIntro } from "~/components/area-intro";
import { requireUser } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.organise.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { isOrganiser: user.isOrganiser };
}

export default function OrganisePage() {
  const { t } = useTranslation();
  const { isOrganiser } = useLoaderData<typeof loader>();
  if (!isOrganiser) {
    return (
      <section className="stack">
        <h1>{t("areas.organise.title")}</h1>
        <div className="empty-state card">
          <p>{t("areas.organise.notOrganiser")}</p>
        </div>
      </section>
    );
  }
  return <AreaIntro area="organise" signedIn />;
}
