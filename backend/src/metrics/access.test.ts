import { isInternalAddress } from './access';

describe('isInternalAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.1.2.3', false],
    ['192.168.1.5', false],
    ['8.8.8.8', false],
    ['::ffff:8.8.8.8', false],
    [undefined, false],
  ])('allows only loopback by default: %s → %s', (address, expected) => {
    expect(isInternalAddress(address, 'loopback')).toBe(expected);
  });

  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.254', true],
    ['172.32.0.1', false],
    ['192.168.1.5', true],
    ['::ffff:172.18.0.4', true],
    ['fd00::12', true],
    ['127.0.0.1', true],
    ['100.64.0.1', false],
    ['2001:db8::1', false],
    ['8.8.8.8', false],
  ])('adds private networks when asked: %s → %s', (address, expected) => {
    expect(isInternalAddress(address, 'private')).toBe(expected);
  });
});
