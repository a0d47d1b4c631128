import type { ReactNode } from "react";

/**
 * A data table that may scroll sideways on a phone. The scrolling box takes keyboard focus and is
 * a named region, so that people without a mouse or touch can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
