import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After a form comes back with errors, the first one gets the focus and is scrolled to. With
 * JavaScript, Remix keeps the scroll position, so on a long form (an activity in four languages)
 * the messages were thousands of pixels away and the press seemed to do nothing. A field inside a
 * closed <details> (a language's section) is opened first. Without JavaScript the page reloads at
 * its top, where the form starts.
 */
export function useFocusFirstProblem() {
  const { state } = useNavigation();
  const submitted = useRef(false);
  useEffect(() => {
    if (state === "submitting") submitted.current = true;
    if (state !== "idle" || !submitted.current) return;
    submitted.current = false;
    const problem = document.querySelector<HTMLElement>('main [aria-invalid="true"], main .alert-error');
    if (!problem) return;
    for (let section = problem.closest("details"); section; section = section.parentElement?.closest("details") ?? null) section.open = true;
    if (!problem.matches("input, select, textarea, button")) problem.tabIndex = -1;
    problem.focus({ preventScroll: true });
    problem.scrollIntoView({ block: "center" });
  }, [state]);
}
