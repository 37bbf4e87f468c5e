// Writes backend/assets/common-passwords.txt: passwords of 15 characters or more that people
// commonly choose, for the registration check of NIST SP 800-63B-4 (section 3.1.1.2). Written by
// us from public knowledge of what tops leaked-password lists: the usual words, names, keyboard
// walks and counting runs, stretched to 15 characters the way people stretch them (a counting
// suffix, a year, the word twice). Repeated characters, counting runs and keyboard walks of any
// length are refused by rule in backend/src/auth/password-policy.ts, not listed here.
//
// Entries are stored normalised as the check compares them: NFKC, lower case, letters and digits
// only. Run `node backend/scripts/common-passwords.mjs` after editing the lists below.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_LENGTH = 15;

// Short passwords that top public leak lists; alone they fail the length rule, stretched they
// are what people type when told "at least 15 characters".
const BASES = `
password passw0rd p@ssword pa55word qwerty qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx
1qaz2wsx zaq12wsx 1q2w3e4r q1w2e3r4 abc123 abcd1234 123abc 123qwe qwe123 letmein welcome hello
iloveyou iloveu loveme lovely love monkey dragon shadow master killer hunter buster tigger
pepper ginger maggie cheese summer winter spring autumn sunshine princess flower butterfly
angel babygirl baby secret freedom whatever trustno1 access admin administrator login
superman batman spiderman starwars pokemon naruto minecraft fortnite roblox matrix thunder
football baseball basketball soccer hockey golf tennis yankees cowboys lakers
liverpool chelsea arsenal manchester barcelona realmadrid juventus
michael jennifer jordan jordan23 jessica ashley amanda nicole michelle daniel andrew joshua
matthew anthony thomas robert george charlie taylor austin dallas hannah sophie oliver
computer internet samsung iphone google facebook youtube linkedin twitter microsoft apple
mustang harley ferrari porsche mercedes
purple orange yellow silver golden diamond
cookie chocolate banana coffee pizza
blink182 metallica slipknot nirvana
hello123 welcome1 password1 qwerty123 iloveyou1 princess1 football1 letmein1 admin123
monkey123 dragon123 shadow123 master123 superman1 batman123 charlie1 jordan123
`;

// Counting runs, years and marks that people append.
const SUFFIXES = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '0',
  '01',
  '007',
  '69',
  '99',
  '!',
  '!!',
  '1!',
  '123!',
  '@123',
  '#1',
  ...Array.from({ length: 2026 - 1980 + 1 }, (_, index) => String(1980 + index)),
];

// Long ones that appear as they are in leak lists and cracking dictionaries.
const LITERALS = `
123456789012345 1234567890123456 12345678901234567890 098765432109876 111111111111111
000000000000000 123123123123123 121212121212121 123451234512345 147258369147258
qwertyuiopasdfg qwertyuiopasdfgh qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm
1qaz2wsx3edc4rfv 1qaz2wsx3edc4rfv5tgb zaq12wsxcde34rfv qazwsxedcrfvtgbyhn 1q2w3e4r5t6y7u8i
1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6u7i8 qweasdzxcqweasdzxc asdfghjklqwertyuiop
abcdefghijklmnop abcdefghijklmnopqrstuvwxyz abcdefg1234567 abc123abc123abc
passwordpassword password123456789 mypasswordispassword thisismypassword mysecretpassword
iloveyouiloveyou iloveyousomuch iloveyoumorethanwords iloveyouforever iloveyoubaby123
letmeinletmein123 welcometomyworld changemechangeme changemeplease defaultpassword
correcthorsebatterystaple thequickbrownfoxjumpsoverthelazydog
loremipsumdolorsitamet maytheforcebewithyou
trustnoonetrustno1 superman123456 batmanbatman123 starwarsstarwars
administrator123 administratorpassword rootpassword123 adminadminadmin
`;

function normalise(password) {
  return password
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function words(text) {
  return text.split(/\s+/).filter(Boolean);
}

function candidates() {
  const found = new Set();
  const add = (password) => {
    const normalised = normalise(password);
    if ([...normalised].length >= MIN_LENGTH) {
      found.add(normalised);
    }
  };
  for (const base of words(BASES)) {
    for (const suffix of SUFFIXES) {
      add(base + suffix);
      add(base + base + suffix);
    }
    add(base + base + base);
    const capitalised = base[0].toUpperCase() + base.slice(1);
    add(`i love ${base}`);
    add(`ilove${base}123`);
    add(`my${base}password`);
    add(`${capitalised}Password1`);
  }
  for (const literal of words(LITERALS)) {
    add(literal);
  }

  return [...found].sort();
}

const list = candidates();
const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.join(here, '..', 'assets', 'common-passwords.txt');
writeFileSync(target, `${list.join('\n')}\n`);
process.stdout.write(`wrote ${list.length} passwords to ${target}\n`);
