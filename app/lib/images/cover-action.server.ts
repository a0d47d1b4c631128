import { runAction } from "~/lib/http.server";
import { redirectWithNotice } from "~/lib/notice.server";

/** The cover routes' action (decision 043): "remove", or save the picture (if any) and the descriptions; back to the form with a notice. */
export async function coverAction(
  request: Request,
  back: string,
  work: { save: (file: Uint8Array | null, values: Record<string, string>) => Promise<void>; remove: () => Promise<void> },
) {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
  return runAction(async () => {
    if (values.intent === "remove") {
      await work.remove();
      throw await redirectWithNotice(back, { key: "pictures.removed" });
    }
    const file = form.get("image");
    await work.save(file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : null, values);
    throw await redirectWithNotice(back, { key: "pictures.saved" });
  }, values);
}
