import mongoose from 'mongoose';

import { HabitModel } from '../habits/model';
import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { toAppError } from './error-handler';
import { textLength } from './text-length';

useTestServices();

const MUSCLE = '\u{1F4AA}';

it('counts code points: an emoji outside the BMP once, a combining mark as its own', () => {
  expect(textLength(MUSCLE.repeat(3))).toBe(3);
  expect(textLength('e\u0301')).toBe(2);
  expect(textLength('')).toBe(0);
});

describe('POST /api/habits with a name of emoji', () => {
  // A name needs a letter besides its emoji.
  it.each([60, 100])('takes a letter and emoji, %i characters in all', async (count) => {
    const user = await buildUser();
    const name = `A${MUSCLE.repeat(count - 1)}`;
    const res = await api().post('/api/habits').set(user.auth).send({ name });

    expect({ status: res.status, name: res.body.name }).toEqual({ status: 201, name });
    expect((await HabitModel.findById(res.body.id))?.name).toBe(name);
  });

  it('refuses a letter and 100 emoji naming name, with the API wording and none of Mongoose', async () => {
    const user = await buildUser();
    const res = await api()
      .post('/api/habits')
      .set(user.auth)
      .send({ name: `A${MUSCLE.repeat(100)}` });

    expectError(res, 400, 'VALIDATION_FAILED', 'name');
    expect(res.body.error.details).toEqual([
      { field: 'name', message: 'Must be 1 to 100 characters' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/Path|maximum allowed length/);
  });
});

describe('the models', () => {
  it('count as validation does, and their refusal never carries Mongoose wording', async () => {
    const userId = new mongoose.Types.ObjectId();
    const fits = new HabitModel({ userId, name: MUSCLE.repeat(100), startDate: '2026-01-01' });
    const tooLong = new HabitModel({ userId, name: MUSCLE.repeat(101), startDate: '2026-01-01' });

    await expect(fits.validate(['name'])).resolves.toBeUndefined();
    const error = await tooLong.validate(['name']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(mongoose.Error.ValidationError);
    const answer = toAppError(error);
    expect({ code: answer.code, message: answer.userMessage, details: answer.details }).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      details: [{ field: 'name', message: 'Too long' }],
    });
  });
});
