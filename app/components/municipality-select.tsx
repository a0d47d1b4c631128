import { useTranslation } from "react-i18next";
import type { FieldError } from "~/domain/errors";
import { choiceLabel, municipalityChoices } from "~/lib/municipality-order";
import { useLocale } from "~/lib/use-locale";
import { FieldMessage } from "./form";
import { PlaceField } from "./place-field";

type Municipality = { code: string; name: string; province: string };

export function MunicipalitySelect({ municipalities, defaultValue, error }: { municipalities: Municipality[]; defaultValue: string; error?: FieldError }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Sorted once, in Dutch order; the <select> groups the same list by province (filtering keeps the
  // order), the combobox lists it whole with the province as a hint (Bergen is in two).
  const provinceOf = new Map(municipalities.map((municipality) => [municipality.code, municipality.province]));
  const sorted = municipalityChoices(municipalities, locale).map((choice) => ({
    value: choice.code,
    label: choiceLabel(choice),
    hint: provinceOf.get(choice.code),
  }));
  const provinces = [...new Set(provinceOf.values())].sort((a, b) => a.localeCompare(b, "nl"));
  const choices = [{ value: "", label: t("profile.chooseMunicipality") }, ...sorted];
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor="field-municipality">{t("profile.municipality")}</label>
      <p className="hint" id="field-municipality-hint">
        {t("profile.municipalityHint")}
      </p>
      <PlaceField
        id="field-municipality"
        name="municipalityCode"
        choices={choices}
        defaultValue={defaultValue}
        describedBy="field-municipality-hint"
        invalid={Boolean(error)}
      >
        <select
          id="field-municipality"
          name="municipalityCode"
          defaultValue={defaultValue}
          aria-describedby="field-municipality-hint"
          aria-invalid={error ? true : undefined}
        >
          <option value="">{t("profile.chooseMunicipality")}</option>
          {provinces.map((province) => (
            <optgroup key={province} label={province}>
              {sorted
                .filter((choice) => choice.hint === province)
                .map((choice) => (
                  <option key={`${choice.value}-${choice.label}`} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </PlaceField>
      <FieldMessage id="field-municipality-error" error={error} />
    </div>
  );
}
