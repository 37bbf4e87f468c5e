import { importFixture } from '../../test/fixtures';
import { diskFile } from '../sources';
import { collectImport, memoryFile, type CollectedImport } from '../test/helpers';

describe('HabitBull: the real export in shared/fixtures/imports/habitbull', () => {
  let result: CollectedImport;
  beforeAll(async () => {
    const path = importFixture('habitbull', 'habitbull.csv');
    result = await collectImport([diskFile(path, 'habitbull.csv')]);
  });

  it('finds the four habits with description and category', () => {
    expect(result.format).toBe('habitbull');
    expect(result.habits.map((habit) => [habit.name, habit.kind, habit.category])).toEqual([
      ['Breed dragons', 'boolean', 'Diet & Food'],
      ['Reduce sleep', 'boolean', 'Time Management'],
      ['No-arms pushup', 'boolean', 'Fitness'],
      ['Grow spiritually', 'boolean', 'Meditation'],
    ]);
    expect(result.habits[3]!.description).toBe(
      'transcend ego, practice compassion, smile and breath',
    );
    expect(result.habits.every((habit) => habit.schedule === null)).toBe(true);
  });

  it('imports 14 days, the comment of 18 March as a note', () => {
    expect([...result.completions].map(([key, completions]) => [key, completions.length])).toEqual([
      ['Breed dragons', 3],
      ['Reduce sleep', 4],
      ['No-arms pushup', 4],
      ['Grow spiritually', 3],
    ]);
    expect(result.completions.get('Breed dragons')![0]).toEqual({
      date: '2016-03-18',
      status: 'done',
      value: 1,
      note: 'text',
    });
    expect(result.completions.get('Reduce sleep')!.map((completion) => completion.date)).toEqual([
      '2016-03-15',
      '2016-03-16',
      '2016-03-17',
      '2016-03-21',
    ]);
  });

  it('leaves out the four rows the file repeats, with a warning for each', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => [issue.line, issue.message])).toEqual([
      [13, '"No-arms pushup" on 2016-03-15 was already imported from an earlier row: left out.'],
      [14, '"No-arms pushup" on 2016-03-16 was already imported from an earlier row: left out.'],
      [15, '"No-arms pushup" on 2016-03-18 was already imported from an earlier row: left out.'],
      [16, '"No-arms pushup" on 2016-03-21 was already imported from an earlier row: left out.'],
    ]);
  });
});

describe('HabitBull: files built by the test', () => {
  it('makes a habit measurable when it records amounts, and keeps notes of days not done', async () => {
    const result = await collectImport([
      memoryFile(
        'HabitBull.csv',
        'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\r\n',
        '"Water, 💧",Glasses,Health,2024-02-28,1,\r\n',
        '"Water, 💧",Glasses,Health,2024-02-29,8,"Hot day, ""really"""\r\n',
        '"Water, 💧",Glasses,Health,2024-03-01,0,Forgot\r\n',
        '"Water, 💧",Glasses,Health,2024-03-02,0,\r\n',
        'Read,,,2024-02-30,1,\r\n',
        'Read,,,2024-03-01,lots,\r\n',
      ),
    ]);

    expect(result.habits.map((habit) => [habit.name, habit.kind])).toEqual([
      ['Water, 💧', 'measurable'],
    ]);
    expect(result.completions.get('Water, 💧')).toEqual([
      { date: '2024-02-28', status: 'done', value: 1, note: '' },
      { date: '2024-02-29', status: 'done', value: 8, note: 'Hot day, "really"' },
      { date: '2024-03-01', status: 'none', value: null, note: 'Forgot' },
    ]);
    expect(result.errors.map((issue) => [issue.line, issue.message])).toEqual([
      [6, 'Unreadable date "2024-02-30".'],
      [7, 'Unreadable value "lots".'],
    ]);
  });
});
