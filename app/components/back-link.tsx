import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * "Back to …" above a page. The arrow comes from the style sheet so that it points the way the
 * reader reads (→ in Arabic); the label is isolated because it may be a title in another script.
 */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to} className="back-link">
        <bdi>{children}</bdi>
      </Link>
    </p>
  );
}
