/**
 * The inline text of a notice's paragraphs. Apart from the letter (letter.ts), so that the
 * notices' checks, which run on the request thread, do not load pdf-lib and the fonts.
 */
export interface TextRun {
  text: string;
  bold?: boolean;
}
/** Plain text, or runs of regular and bold text. "\n" breaks the line. */
export type Inline = string | TextRun[];

export const bold = (text: string): TextRun => ({ text, bold: true });
export const plain = (text: string): TextRun => ({ text });
