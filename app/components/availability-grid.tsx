import { useTranslation } from "react-i18next";
import { DAY_PARTS, WEEKDAYS } from "~/lib/reference/availability";

/** Day × part-of-day checkboxes in a real table, so screen readers announce both headers. */
export function AvailabilityGrid({ selected }: { selected: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="availability">
        <thead>
          <tr>
            <td />
            {DAY_PARTS.map((part) => (
              <th scope="col" key={part}>
                {t(`reference:dayPart.${part}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => (
            <tr key={day}>
              <th scope="row">{t(`reference:weekday.${day}`)}</th>
              {DAY_PARTS.map((part) => {
                const value = `${day}-${part}`;
                return (
                  <td key={part}>
                    <label className="slot">
                      <input type="checkbox" name="availability" value={value} defaultChecked={selected.includes(value)} />
                      <span className="visually-hidden">
                        {t(`reference:weekday.${day}`)} {t(`reference:dayPart.${part}`)}
                      </span>
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
