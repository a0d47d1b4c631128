import { deflateSync } from "node:zlib";
import sharp from "sharp";

/** Real picture files for the picture tests (decision 043), made here: nothing downloaded. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A black-and-white PNG (1 bit a pixel) of any size: a 10,000 × 10,000 picture is 12 KB. */
export function bilevelPng(width: number, height: number, { truncated = false } = {}) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filter, no interlace
  // The decompression bomb: a few hundred bytes that declare 50,000 × 50,000 pixels.
  const pixels = truncated ? deflateSync(Buffer.alloc(1000)) : deflateSync(Buffer.alloc(height * (1 + Math.ceil(width / 8))));
  return Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

/** A small scene as a photo would have it: a gradient sky, a hill and a sun. */
export function scene(width: number, height: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 160 90">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9fd3c7"/><stop offset="1" stop-color="#e5f2ee"/></linearGradient></defs>
<rect width="160" height="90" fill="url(#s)"/><circle cx="120" cy="25" r="10" fill="#f2c14e"/><path d="M0 70 Q50 40 100 65 T160 60 V90 H0Z" fill="#0b5d4b"/></svg>`;
  return sharp(Buffer.from(svg));
}

/** A JPEG with a camera's EXIF: where it was taken (GPS) and an orientation (turned a quarter). */
export function jpegWithLocation(width = 1200, height = 800, orientation = 1) {
  return scene(width, height)
    .jpeg({ quality: 80 })
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: "TestCam", Model: "Phone 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 53/1 0/1" },
    })
    .toBuffer();
}

export const pngOf = (width: number, height: number) => scene(width, height).png().toBuffer();
export const webpOf = (width: number, height: number) => scene(width, height).webp().toBuffer();

/** Files that say they are pictures and are not. */
export const HTML_FILE = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
export const PDF_FILE = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const SVG_FILE = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
/** The start of an iPhone photo: an ISO-BMFF `ftyp` box with the `heic` brand and an HEVC item. */
export const HEIC_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"), Buffer.alloc(64)]);
