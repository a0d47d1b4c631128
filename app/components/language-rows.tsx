import { useTranslation } from "react-i18next";
import { LANGUAGE_LEVELS, LANGUAGES } from "~/lib/reference/languages";
import { useLocale } from "~/lib/use-locale";

const SPARE_ROWS = 2;

/**
 * Rows of language + level. Spare empty rows let a person add languages without JavaScript;
 * empty rows are ignored on save.
 */
export function LanguageRows({ rows }: { rows: { language: string; level: string }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const all = [...rows, ...Array.from({ length: SPARE_ROWS }, () => ({ language: "", level: "" }))];
  const sorted = [...LANGUAGES].sort((a, b) => t(`reference:language.${a}`).localeCompare(t(`reference:language.${b}`), locale));
  return (
    <div className="language-rows">
      {all.map((row, index) => (
        <div className="language-row" key={index}>
          <div className="field">
            <label htmlFor={`language-${index}`}>{t("profile.language")}</label>
            <select id={`language-${index}`} name="languages" defaultValue={row.language}>
              <option value="">{t("profile.chooseLanguage")}</option>
              {sorted.map((code) => (
                <option key={code} value={code}>
                  {t(`reference:language.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`level-${index}`}>{t("profile.level")}</label>
            <select id={`level-${index}`} name="levels" defaultValue={row.level}>
              <option value="">{t("profile.chooseLevel")}</option>
              {LANGUAGE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`reference:level.${level}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ))}
    </div>
  );
}
