import { highlightPieces } from "~/domain/search/terms";

/** Text with the words searched for in <mark>; React escapes every piece, so markup in a title stays text. */
export function Highlighted({ text, terms }: { text: string; terms?: string[] }) {
  if (!terms?.length) return <>{text}</>;
  return <>{highlightPieces(text, terms).map((piece, i) => (piece.mark ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}
