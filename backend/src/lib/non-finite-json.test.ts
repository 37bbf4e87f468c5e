import { markNonFiniteNumbers } from './non-finite-json';

describe('markNonFiniteNumbers', () => {
  it('marks bare NaN and Infinity, leaving strings alone', () => {
    expect(markNonFiniteNumbers('{"a":NaN,"b":[-Infinity, Infinity],"c":"NaN \\" Infinity"}')).toBe(
      '{"a":{"nonFinite":"NaN"},"b":[{"nonFinite":"-Infinity"}, {"nonFinite":"Infinity"}],"c":"NaN \\" Infinity"}',
    );
  });

  it('answers null when there is nothing to mark', () => {
    expect(markNonFiniteNumbers('{"a":1e309,"b":"NaN"}')).toBeNull();
    expect(markNonFiniteNumbers('{"a":')).toBeNull();
  });
});
