/**
 * How a GS1 Application Identifier's data field is written, as the GS1 Barcode Syntax Dictionary
 * describes it (the machine-readable form of GS1 General Specifications §3.2).
 */

/** N numeric; X GS1 AI encodable character set 82; Y set 39; Z base64url (§7.11). */
export type AiCharset = 'N' | 'X' | 'Y' | 'Z';

/** One part of a data field, e.g. `N3,iso4217` then `N..15` for AI (391n). */
export interface AiComponent {
  readonly charset: AiCharset;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  /** Names of the Syntax Dictionary's content checks ("linters"), e.g. `csum`, `yymmd0`. */
  readonly linters: readonly string[];
}

/** One dictionary line: a single AI, or a range such as 3100-3105 sharing one format. */
export interface AiEntry {
  readonly ai: string;
  /** Last AI of the range (equal to `ai` for a single AI). */
  readonly last: string;
  /**
   * Predefined length (flag `*`, GS1 General Specifications §7.8.5, Figure 7.8.5-2): the field
   * always has `maxLength` characters and no FNC1 separator follows it. Every other AI, even one
   * of constant length, ends at an FNC1 or at the end of the data.
   */
  readonly fixed: boolean;
  readonly minLength: number;
  readonly maxLength: number;
  /** The dictionary's specification, e.g. `N6,yymmd0`. */
  readonly format: string;
  readonly title: string;
  readonly components: readonly AiComponent[];
}

/** The definition of one concrete AI. */
export type AiDefinition = Omit<AiEntry, 'last'>;
