import { useTranslation } from "react-i18next";
import type { FieldError } from "~/domain/errors";
import { municipalityChoices } from "~/lib/municipality-order";
import { useLocale } from "~/lib/use-locale";
import { FieldMessage } from "./form";
import { PlaceField } from "./place-field";

type Municipality = { code: string; name: string; province: string };

export function MunicipalitySelect({ municipalities, defaultValue, error }: { municipalities: Municipality[]; defaultValue: string; error?: FieldError }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byProvince = new Map<string, Municipality[]>();
  for (const municipality of municipalities) {
    const list = byProvince.get(municipality.province) ?? [];
    list.push(municipality);
    byProvince.set(municipality.province, list);
  }
  const provinces = [...byProvince.keys()].sort((a, b) => a.localeCompare(b, "nl"));
  const labelled = (choice: ReturnType<typeof municipalityChoices>[number]) =>
    choice.officialName ? `${choice.label} (${choice.officialName})` : choice.label;
  // The combobox lists them as the Dutch do, one list, with the province as a hint (Bergen is in two).
  const provinceOf = new Map(municipalities.map((municipality) => [municipality.code, municipality.province]));
  const choices = [
    { value: "", label: t("profile.chooseMunicipality") },
    ...municipalityChoices(municipalities, locale).map((choice) => ({ value: choice.code, label: labelled(choice), hint: provinceOf.get(choice.code) })),
  ];
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
              {municipalityChoices(byProvince.get(province)!, locale).map((choice) => (
                <option key={`${choice.code}-${choice.label}`} value={choice.code}>
                  {labelled(choice)}
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
