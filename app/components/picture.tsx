import type { PictureView } from "~/lib/images/cover.server";

/**
 * A stored picture (decision 043): AVIF, then WebP, each at every stored width; `width`/`height`
 * reserve the space before it loads. Lazy unless it is the first thing on the page.
 */
export function Picture({
  picture,
  sizes,
  eager = false,
  className,
  lang,
}: {
  picture: PictureView;
  sizes: string;
  eager?: boolean;
  className?: string;
  lang?: string;
}) {
  return (
    <picture className={className}>
      <source type="image/avif" srcSet={picture.srcset.avif} sizes={sizes} />
      <source type="image/webp" srcSet={picture.srcset.webp} sizes={sizes} />
      <img src={picture.src} alt={picture.alt} lang={lang} width={picture.width} height={picture.height} loading={eager ? "eager" : "lazy"} decoding="async" />
    </picture>
  );
}

/** A kind's own illustration (public/illustrations, made for Meedoen), for activities without a cover. */
export function KindIllustration({ kind, eager = false }: { kind: string; eager?: boolean }) {
  return (
    <img
      className="illustration"
      src={`/illustrations/${KNOWN_KINDS.has(kind) ? kind : "meetup"}.svg`}
      alt=""
      width={400}
      height={225}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
const KNOWN_KINDS = new Set(["meetup", "webinar", "language-cafe", "group-session", "workshop", "network-conversation"]);
