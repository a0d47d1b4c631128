import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { CoverForm } from "~/components/cover-form";
import { GROUP_ALT, groupCoverFormView, removeGroupCover, setGroupCover } from "~/domain/groups/cover.server";
import { orHttpError, requireUser } from "~/lib/http.server";
import { coverAction } from "~/lib/images/cover-action.server";
import { pictureView } from "~/lib/images/cover.server";

export const meta: MetaFunction = () => [{ title: "Meedoen" }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const group = await orHttpError(groupCoverFormView(user.id, params.slug!));
  return {
    slug: group.slug,
    name: group.name,
    alt: group.coverAlt ?? "",
    cover: pictureView(group.coverKey, group.coverWidth, group.coverHeight, group.coverAlt),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const slug = params.slug!;
  return coverAction(request, `/groups/${slug}/cover`, {
    save: (file, values) => setGroupCover(user.id, slug, file, values),
    remove: () => removeGroupCover(user.id, slug),
  });
}

export default function GroupCover() {
  const { t } = useTranslation();
  const { slug, name, alt, cover } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack">
      <BackLink to={`/groups/${slug}`}>{name}</BackLink>
      <h1>{t("pictures.groupTitle")}</h1>
      <CoverForm of="group" cover={cover} altFields={[{ name: GROUP_ALT, label: t("pictures.groupAlt"), value: alt }]} result={result} />
    </section>
  );
}
