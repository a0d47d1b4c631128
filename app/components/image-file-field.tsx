import { FieldMessage } from "~/components/form";
import type { FieldError } from "~/domain/errors";

/** What the picture pipeline accepts (decision 043); the server checks the bytes, this only helps the phone's picker. */
const ACCEPTED_PICTURES = "image/jpeg,image/png,image/webp,image/heic,image/heif";

/** The file field of a picture upload (a cover, an avatar), its hint and its error, named `image`. */
export function ImageFileField({ label, hint, error }: { label: string; hint: string; error?: FieldError }) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor="field-image">{label}</label>
      <p className="hint" id="field-image-hint">
        {hint}
      </p>
      <input
        id="field-image"
        name="image"
        type="file"
        accept={ACCEPTED_PICTURES}
        aria-describedby={`field-image-hint${error ? " field-image-error" : ""}`}
        aria-invalid={error ? true : undefined}
      />
      <FieldMessage id="field-image-error" error={error} />
    </div>
  );
}
