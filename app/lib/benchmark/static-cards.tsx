/**
 * Twenty activity cards as plain markup, with no data and no translation: the same work for the
 * app's layout (`routes/bench.static-cards.tsx`) and for a bare Remix app (`tests/load/baseline`),
 * so that `npm run bench -- activities` can say what the layout itself costs. Ukrainian text,
 * because multi-byte text is what most pages carry.
 */
const CARDS = Array.from({ length: 20 }, (_, index) => ({
  id: `static-${index + 1}`,
  title: `Мовне кафе №${index + 1}: говоримо нідерландською`,
  when: `вт, ${index + 1} груд., 19:00–21:00`,
  where: "Заандам · також онлайн",
  summary: "Розмовляємо нідерландською за кавою в невеликих групах, з волонтерами-носіями мови. Усі рівні вітаються.",
  facts: ["Мови: українська, нідерландська", "Практика: нідерландська (A2)", "Безкоштовно", `Залишилося місць: ${20 - index}`],
}));

export function StaticCards() {
  return (
    <ul className="activity-list">
      {CARDS.map((card) => (
        <li key={card.id} className="card activity-card">
          <p className="activity-meta">
            <span className="badge">Мовне кафе</span>
          </p>
          <h2 className="activity-title">
            <a href={`/activities/${card.id}`}>{card.title}</a>
          </h2>
          <p className="activity-when">
            <time dateTime="2026-12-01T18:00:00.000Z">{card.when}</time>
          </p>
          <p className="activity-where">{card.where}</p>
          <p className="activity-summary">{card.summary}</p>
          <ul className="facts-inline">
            {card.facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
