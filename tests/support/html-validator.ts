import { HtmlValidate } from "html-validate";

/**
 * The recommended rules, less four that judge how React writes valid HTML rather than whether
 * it is valid (and one that rejects the app's list-valued fields, below): it closes void elements with a slash (`<meta/>`: allowed by the HTML syntax), writes
 * attribute names in its camel case (`charSet`, `autoComplete`: attribute names are
 * case-insensitive), and writes boolean and empty attributes as `name=""` (`required=""`,
 * `download=""`: one of the allowed forms, and the one React always uses).
 */
export const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    "void-style": "off",
    "attr-case": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    // Forms send lists as one name repeated (checkbox groups, a language row per language, a title
    // per content language), in order, as HTML form submission defines; formToObject reads them as
    // lists. The rule allows a shared name only for radios and buttons.
    "form-dup-name": "off",
  },
});

/** The document as the browser parses it: the scripts Remix streams after </html> are left out. */
export function documentOf(html: string) {
  const end = html.indexOf("</html>");
  return end >= 0 ? html.slice(0, end + "</html>".length) : html;
}
