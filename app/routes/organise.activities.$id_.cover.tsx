import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { CoverForm } from "~/components/cover-form";
import { coverFormView, removeActivityCover, setActivityCover } from "~/domain/activities/cover.server";
import { orHttpError, requireUser } from "~/lib/http.server";
import { altField } from "~/lib/images/alt-text";
import { coverAction } from "~/lib/images/cover-action.server";
import { pictureView } from "~/lib/images/cover.server";

export const meta: MetaFunction = () => [{ title: "Meedoen" }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const row = await orHttpError(coverFormView(user.id, params.id!));
  const first = row.contents[0];
  return {
    id: params.id!,
    contents: row.contents.map(({ locale, coverAlt }) => ({ locale, coverAlt })),
    cover: pictureView(row.coverKey, row.coverWidth, row.coverHeight, first?.coverAlt),
    coverLang: first?.locale,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const id = params.id!;
  return coverAction(request, `/organise/activities/${id}/cover`, {
    save: (file, values) => setActivityCover(user.id, id, file, values),
    remove: () => removeActivityCover(user.id, id),
  });
}

export default function ActivityCover() {
  const { t } = useTranslation();
  const { id, contents, cover } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const altFields = contents.map((content) => ({
    name: altField(content.locale),
    label: t("pictures.altIn", { language: t(`reference:language.${content.locale}`) }),
    lang: content.locale,
    value: content.coverAlt ?? "",
  }));
  return (
    <section className="stack">
      <BackLink to={`/organise/activities/${id}`}>{t("pictures.backToActivity")}</BackLink>
      <h1>{t("pictures.activityTitle")}</h1>
      <CoverForm of="activity" cover={cover} altFields={altFields} result={result} />
    </section>
  );
}
