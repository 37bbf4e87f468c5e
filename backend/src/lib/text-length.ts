// One way to count text everywhere (the API's validation and the models): in code points, as a
// user counts characters, so an emoji outside the Basic Multilingual Plane ("💪") counts once,
// not as the two UTF-16 units that `String.length` and Mongoose's `maxlength` would count.

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The number of code points in the text: its UTF-16 units, a surrogate pair counted once. */
export function textLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/**
 * A schema rule, used instead of Mongoose's `maxlength` (which counts UTF-16 units), so the model
 * accepts exactly what validation accepts. Its `type` names the rule for the error handler,
 * which answers with a generic message, never Mongoose's.
 */
export function maxTextLength(max: number) {
  return {
    validator: (value: unknown) => typeof value !== 'string' || textLength(value) <= max,
    message: 'Too long',
    type: 'maxlength',
  };
}
