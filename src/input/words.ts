// Words given by the user (a flag's value, a library setting): trimmed, and checked against the
// values a setting takes, with the same message from the command line and the library.
import { InputError } from '../errors.js';

/** One word ("us"), trimmed; an empty one is refused naming the flag. */
export function parseWord(text: string, flag: string): string {
  const v = text.trim();
  if (v === '') throw new InputError(`${flag} needs a value`);
  return v;
}

/** One of `values`, in any case ("BF16" -> "bf16"); anything else is refused with the list. */
export function parseChoice<const T extends readonly string[]>(text: string, flag: string, values: T): T[number] {
  const v = text.trim().toLowerCase();
  if (!values.includes(v)) throw new InputError(`unknown ${flag} "${text}"; use one of: ${values.join(', ')}`);
  return v;
}
