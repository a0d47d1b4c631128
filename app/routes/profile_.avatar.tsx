import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AvatarSection } from "~/components/avatar-form";
import { BackLink } from "~/components/back-link";
import { ownAvatar, removeAvatar, setAvatar } from "~/domain/people/avatar.server";
import { requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "avatar.title");

/**
 * The signed-in person's own avatar (decision 048). The form sits on /profile and posts here; a
 * refused picture is answered on this page, with the message next to the field. No id in the
 * address: whoever is signed in changes their own, and nobody else's.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { name: user.displayName, avatar: await ownAvatar(user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = await request.formData();
  return runAction(async () => {
    if (form.get("intent") === "remove") {
      await removeAvatar(user.id, user.id);
      throw await redirectWithNotice("/profile", { key: "avatar.removed" });
    }
    const file = form.get("image");
    await setAvatar(user.id, user.id, file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : null);
    throw await redirectWithNotice("/profile", { key: "avatar.saved" });
  });
}

export default function AvatarPage() {
  const { t } = useTranslation();
  const { name, avatar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack">
      <BackLink to="/profile">{t("avatar.backToProfile")}</BackLink>
      <h1 id="avatar-heading">{t("avatar.title")}</h1>
      <AvatarSection name={name} avatar={avatar} result={result} cancelTo="/profile/avatar" heading={false} />
    </section>
  );
}
