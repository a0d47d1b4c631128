import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAIL_CHOICE_NAMES, type MailChoice } from "~/lib/mail/kinds";
import { CheckboxField } from "./choice";
import { SubmitButton } from "./form";

/** The account page's "Mails" section: one box per optional choice, and what always comes. Works without JavaScript. */
export function MailChoices({ choices, busy }: { choices: Record<MailChoice, boolean>; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t("mailPrefs.heading")}</h2>
      <p>{t("mailPrefs.intro")}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="mail" />
        {MAIL_CHOICE_NAMES.map((choice) => (
          <div key={choice}>
            <CheckboxField
              name={choice}
              label={t(`mailPrefs.choices.${choice}.label`)}
              defaultChecked={choices[choice]}
              aria-describedby={`mail-${choice}-hint`}
            />
            <p className="hint" id={`mail-${choice}-hint`}>
              {t(`mailPrefs.choices.${choice}.hint`)}
            </p>
          </div>
        ))}
        <div>
          <CheckboxField
            name="essential"
            label={`${t("mailPrefs.essentialTitle")} (${t("mailPrefs.alwaysOn")})`}
            defaultChecked
            disabled
            aria-describedby="mail-essential-hint"
          />
          <p className="hint" id="mail-essential-hint">
            {t("mailPrefs.essentialBody")}
          </p>
        </div>
        <SubmitButton busy={busy}>{t("mailPrefs.save")}</SubmitButton>
      </Form>
    </section>
  );
}
