import { parseCommendationQuery } from '../../../../src/plugins/insights/server/src/commendations/validation';
import { refusal } from '../../../helpers/refusal';

const ID = 'r2z1901trp4trc7e27f308ce';
// The forms the award schema lists; the API reads them from the schema (commendations/model.ts formsOf).
const FORMS = ['certificate_of_merit', 'certificate_of_commendation', 'medal'];

describe('commendation queries (pure)', () => {
  it('reads includes, years, form, status, and defaults for sort and paging', () => {
    expect(
      parseCommendationQuery(
        ID,
        {
          include: 'descendants,predecessors',
          from: '2018',
          to: '2025',
          form: 'certificate_of_merit',
        },
        FORMS
      )
    ).toEqual({
      unit: ID,
      include: ['descendants', 'predecessors'],
      from: 2018,
      to: 2025,
      form: 'certificate_of_merit',
      status: 'active',
      sort: 'date:desc',
      page: 1,
      pageSize: 25,
      locale: undefined,
    });
  });

  it.each([
    [{ include: 'ancestors' }, 'include'],
    [{ from: '18' }, 'from'],
    [{ from: '2025', to: '2018' }, 'from'],
    [{ form: 'trophy' }, 'form'],
    [{ status: 'deleted' }, 'status'],
    [{ from: ['2018', '2019'] }, 'from'],
    [{ page: '0' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ pageSize: '500' }, 'pageSize'],
    [{ sort: 'title:asc' }, 'sort'],
    [{ unknown: '1' }, 'unknown'],
  ])('refuses %j', (query, field) => {
    expect(refusal(() => parseCommendationQuery(ID, query, FORMS)).field).toBe(field);
  });
});
