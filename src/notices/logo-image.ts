import { createHash } from 'node:crypto';
import { JpegEmbedder, PDFImage, PngEmbedder, type PDFDocument } from 'pdf-lib';
import type { Authority } from './model';
import { shareCompression } from './native-deflate';

type Embedder = PngEmbedder | JpegEmbedder;

const MAX_CACHED = 8;
const embedders = new Map<string, Promise<Embedder>>();

/**
 * Decoding a PNG takes longer than the rest of a notice, and every notice of an authority carries
 * the same logo: the decoded image and its compressed pixels are kept, keyed by the logo's hash.
 */
function embedderFor(logo: NonNullable<Authority['logo']>): Promise<Embedder> {
  const key = createHash('sha1').update(logo.bytes).digest('hex');
  let embedder = embedders.get(key);
  if (!embedder) {
    // A copy: pdf-lib reads JPEG headers through the whole ArrayBuffer, ignoring a view's offset.
    const bytes = new Uint8Array(logo.bytes);
    embedder = logo.mediaType === 'image/png' ? PngEmbedder.for(bytes).then(sharePixels) : JpegEmbedder.for(bytes);
    embedder.catch(() => embedders.delete(key));
    if (embedders.size >= MAX_CACHED) embedders.delete(embedders.keys().next().value as string);
    embedders.set(key, embedder);
  }
  return embedder;
}

function sharePixels(embedder: PngEmbedder): PngEmbedder {
  const image = embedder['image'] as { rgbChannel: Uint8Array; alphaChannel?: Uint8Array };
  shareCompression(image.rgbChannel);
  if (image.alphaChannel) shareCompression(image.alphaChannel);
  return embedder;
}

/** The authority's logo as an image of this document, the way doc.embedPng/embedJpg adds one. */
export async function embedLogo(doc: PDFDocument, logo: NonNullable<Authority['logo']>): Promise<PDFImage> {
  const image = PDFImage.of(doc.context.nextRef(), doc, await embedderFor(logo));
  (doc['images'] as PDFImage[]).push(image);
  return image;
}
