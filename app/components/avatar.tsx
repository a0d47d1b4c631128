import type { AvatarView } from "~/lib/images/avatar.server";

/** The sizes pages draw avatars at, in CSS pixels; each has a class in app.css. */
export type AvatarSize = 32 | 48 | 128;

/** The first letter of a name as a reader sees it: one grapheme (an Arabic letter with its marks, an emoji), upper-cased where the script has cases. */
export function initialOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "?";
  const first =
    typeof Intl.Segmenter === "function"
      ? (new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(trimmed)[Symbol.iterator]().next().value?.segment ?? "")
      : Array.from(trimmed)[0];
  return first.toLocaleUpperCase();
}

/**
 * A person's avatar (decision 048) next to their name, or, without one, a neutral circle with the
 * name's first letter, the same size, so lists look alike either way. Decoration: the name is
 * always written beside it, hence `alt=""` and `aria-hidden` on the letter.
 */
export function Avatar({
  name,
  avatar,
  size = 32,
  eager = false,
  alt = "",
}: {
  name: string;
  avatar: AvatarView | null | undefined;
  size?: AvatarSize;
  eager?: boolean;
  alt?: string;
}) {
  const className = `avatar avatar-${size}`;
  if (!avatar) {
    return (
      <span className={`${className} avatar-initial`} aria-hidden="true">
        {initialOf(name)}
      </span>
    );
  }
  const sizes = `${size}px`;
  return (
    <picture className={className}>
      <source type="image/avif" srcSet={avatar.srcset.avif} sizes={sizes} />
      <source type="image/webp" srcSet={avatar.srcset.webp} sizes={sizes} />
      <img src={avatar.src} alt={alt} width={size} height={size} loading={eager ? "eager" : "lazy"} decoding="async" />
    </picture>
  );
}

/** A name with its avatar before it (after it in RTL, as the flow goes): one line, the name in its own direction. */
export function PersonName({ name, avatar, size = 32 }: { name: string; avatar: AvatarView | null | undefined; size?: AvatarSize }) {
  return (
    <span className="person-name">
      <Avatar name={name} avatar={avatar} size={size} />
      <bdi>{name}</bdi>
    </span>
  );
}
