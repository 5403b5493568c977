// The bytes JSON's structure is made of, for the scanners that read a body without decoding it.
export const SPACE = 32;
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
