import { useEffect, useState } from "react";

// Once the first page has hydrated, components mounted later (a client-side navigation, a field
// shown after hydration) are enhanced from their first render instead of rendering twice.
let hydrating = true;

/** False on the server and during hydration, true once the page's scripts run: for what only works with them. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(() => !hydrating);
  useEffect(() => {
    hydrating = false;
    setHydrated(true);
  }, []);
  return hydrated;
}
