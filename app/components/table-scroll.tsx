import type { ReactNode } from "react";

/**
 * A data table that may scroll sideways on a phone. The scrolling box takes keyboard focus, so
 * that people without a mouse or touch can scroll it too (WCAG 2.1.1), and is a group named by the
 * section's heading (not a second region landmark of the same name).
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must be focusable
    <div className="table-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
