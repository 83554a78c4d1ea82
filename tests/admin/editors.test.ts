import type { Core } from '@strapi/strapi';

import { EDITOR_ROLE } from '../../src/bootstrap/editor-role';
import { bootStrapi, http } from '../helpers/strapi';

/**
 * What editors get from the server at every start: the content manager's Vietnamese labels, help texts and
 * layouts, the "Biên tập viên" role, the insights plugin's own admin permissions, and rule refusals in
 * Vietnamese on the field concerned, through the admin panel's own API.
 */
let app: Core.Strapi;
const unique = () => Math.random().toString(36).slice(2, 8);
const ARTICLE = 'api::article.article';
const AWARD = 'api::award.award';

const boot = bootStrapi(({ app: started }) => {
  app = started;
});

const configuration = async (uid: string) =>
  app.plugin('content-manager').service('content-types').findConfiguration({ uid });

/** An admin user with `roleCode`'s role, logged in: the bearer header of its requests. */
const login = async (roleCode: string) => {
  const email = `${roleCode}-${unique()}@test.local`;
  const password = 'Editor-pass-123';
  const role = await app.service('admin::role').findOne({ code: roleCode });
  await app.service('admin::user').create({
    email,
    firstname: 'Thu',
    lastname: 'Hà',
    password,
    isActive: true,
    roles: [role.id],
  });
  const res = await http(app).post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return `Bearer ${res.body.data.token}`;
};

const cm = (uid: string) => `/content-manager/collection-types/${uid}`;

describe('content manager views set in code', () => {
  it('labels every field of the article in Vietnamese, with help texts and an editor-ordered edit view', async () => {
    const { metadatas, layouts, settings } = await configuration(ARTICLE);
    expect(metadatas.publishedDate.edit.label).toBe('Đăng lúc');
    expect(metadatas.publishedDate.edit.description).toMatch(/Cập nhật lúc/);
    expect(metadatas.slug.edit.description).toMatch(/Để trống/);
    expect(metadatas.publishedDate.list.label).toBe('Đăng lúc');
    const attributes = Object.keys(app.contentTypes[ARTICLE].attributes).filter(
      (name) =>
        name in metadatas &&
        metadatas[name].edit.visible !== false &&
        'label' in metadatas[name].edit
    );
    for (const name of attributes) expect(metadatas[name].edit.label).not.toBe(name);
    const order = layouts.edit.flat().map((cell: { name: string }) => cell.name);
    expect(order.indexOf('title')).toBe(0);
    expect(order.indexOf('author')).toBeLessThan(order.indexOf('organization'));
    expect(order[order.length - 1]).toBe('slug');
    for (const row of layouts.edit)
      expect(
        row.reduce((sum: number, cell: { size: number }) => sum + cell.size, 0)
      ).toBeLessThanOrEqual(12);
    expect(layouts.list).toEqual(['title', 'organization', 'publishedDate']);
    expect(settings).toMatchObject({ mainField: 'title', defaultSortBy: 'publishedDate' });
  });

  it("keeps the award's derived counts read-only and its issuer warning out of the edit view", async () => {
    const { metadatas, layouts } = await configuration(AWARD);
    expect(metadatas.collectiveCount.edit).toMatchObject({
      editable: false,
      label: 'Tổng số tập thể',
    });
    expect(metadatas.issuerWarning.edit.visible).toBe(false);
    const names = layouts.edit.flat().map((cell: { name: string }) => cell.name);
    expect(names).not.toContain('issuerWarning');
    expect(names).toContain('countedCollectives');
  });

  it('labels component fields and takes back a label changed in the panel at the next start', async () => {
    const components = app.plugin('content-manager').service('components');
    const figure = await components.findConfiguration({ uid: 'media.figure' });
    expect(figure.metadatas.caption.edit.label).toBe('Chú thích ảnh');
    const stored = await configuration(ARTICLE);
    await app
      .plugin('content-manager')
      .service('content-types')
      .updateConfiguration(
        { uid: ARTICLE },
        {
          ...stored,
          metadatas: {
            ...stored.metadatas,
            title: {
              ...stored.metadatas.title,
              edit: { ...stored.metadatas.title.edit, label: 'x' },
            },
          },
        }
      );
    expect((await configuration(ARTICLE)).metadatas.title.edit.label).toBe('x');
    app = await boot.restart();
    expect((await configuration(ARTICLE)).metadatas.title.edit.label).toBe('Tiêu đề');
  });
});

describe('the editor role and the plugin permissions', () => {
  it('lets a "Biên tập viên" write and publish content and read the plugin pages, not settings', async () => {
    const role = await app.service('admin::role').findOne({ code: EDITOR_ROLE.code });
    expect(role.name).toBe('Biên tập viên');
    const editor = await login(EDITOR_ROLE.code);
    const created = await http(app)
      .post(cm('api::meeting.meeting'))
      .set('Authorization', editor)
      .send({
        title: `Hội nghị BCH lần thứ 3 ${unique()}`,
        kind: 'executive_committee',
        extended: false,
      });
    expect(created.status).toBe(201);
    const published = await http(app)
      .post(`${cm('api::meeting.meeting')}/${created.body.data.documentId}/actions/publish`)
      .set('Authorization', editor)
      .send({});
    expect(published.status).toBe(200);
    const unit = await http(app)
      .post(cm('api::organization.organization'))
      .set('Authorization', editor)
      .send({ name: `Hội LHPN xã Tân Lập ${unique()}`, kind: 'womens_union', level: 'commune' });
    expect(unit.status).toBe(201);
    const media = await http(app).get('/upload/files').set('Authorization', editor);
    expect(media.status).toBe(200);
    const top = await http(app)
      .get('/insights/views/top?type=article&period=all')
      .set('Authorization', editor);
    expect(top.status).toBe(200);
    for (const settingsPage of [
      '/admin/roles',
      '/admin/users',
      '/admin/api-tokens',
      '/admin/webhooks',
    ])
      expect((await http(app).get(settingsPage).set('Authorization', editor)).status).toBe(403);
  });

  it("refuses the plugin's admin routes to a role without its permissions", async () => {
    const author = await login('strapi-author');
    const unit = await app.db
      .query('api::organization.organization')
      .findOne({ where: { locale: 'vi' } });
    for (const path of [
      '/insights/views/top?type=article&period=all',
      `/insights/units/${unit.documentId}/commendations`,
    ])
      expect((await http(app).get(path).set('Authorization', author)).status).toBe(403);
  });

  it('takes back at the next start a permission granted to the role in the panel', async () => {
    const roles = app.service('admin::role');
    const role = await roles.findOne({ code: EDITOR_ROLE.code });
    await roles.addPermissions(role.id, [{ action: 'admin::roles.read', subject: null }]);
    const granted = () =>
      app.db
        .query('admin::permission')
        .count({ where: { role: role.id, action: 'admin::roles.read' } });
    expect(await granted()).toBe(1);
    app = await boot.restart();
    expect(await granted()).toBe(0);
  });
});

describe('refusals reach the editor in Vietnamese, on the field', () => {
  it('names the field of a duplicate slug and of dates in the wrong order', async () => {
    const editor = await login(EDITOR_ROLE.code);
    const slug = `trung-duong-dan-${unique()}`;
    const first = await http(app)
      .post(cm(ARTICLE))
      .set('Authorization', editor)
      .send({ title: 'Bài thứ nhất', slug });
    expect(first.status).toBe(201);
    const clash = await http(app)
      .post(cm(ARTICLE))
      .set('Authorization', editor)
      .send({ title: 'Bài thứ hai', slug });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toMatch(/đã được một mục khác dùng/);
    expect(clash.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['slug'], message: expect.stringMatching(/Đã có mục khác/) }),
    ]);

    const meeting = await http(app)
      .post(cm('api::meeting.meeting'))
      .set('Authorization', editor)
      .send({
        title: 'Hội nghị BCH lần thứ 3',
        kind: 'executive_committee',
        extended: false,
        termStartYear: 2030,
        termEndYear: 2025,
      });
    expect(meeting.status).toBe(400);
    expect(meeting.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['termEndYear'],
        message: 'Không được trước ngày/năm bắt đầu',
      }),
    ]);
  });

  it('refuses an award without recipients in Vietnamese on the recipients field', async () => {
    const editor = await login(EDITOR_ROLE.code);
    const res = await http(app).post(cm(AWARD)).set('Authorization', editor).send({
      title: 'Giấy khen không người nhận',
      form: 'certificate_of_commendation',
      awardStatus: 'active',
      countedCollectives: 0,
      countedIndividuals: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Khen thưởng cần ít nhất một/);
    expect(res.body.error.details.errors[0].path).toEqual(['recipients']);
  });
});

describe('input-shape guards answer in Vietnamese, on the field', () => {
  const refusal = async (uid: string, data: Record<string, unknown>) => {
    const editor = await login(EDITOR_ROLE.code);
    const res = await http(app).post(cm(uid)).set('Authorization', editor).send(data);
    expect(res.status).toBe(400);
    return res.body.error;
  };

  it.each([
    [
      'a number spelled with a space',
      { termStartYear: ' 2030' },
      ['termStartYear'],
      /^Phải là số nguyên/,
    ],
    [
      'a number too big for the database',
      { sessionNumber: 3_000_000_000 },
      ['sessionNumber'],
      /^Phải là số nguyên từ -2147483648 đến 2147483647/,
    ],
    [
      'a NUL character in a text',
      { location: 'Hội trường\u0000 xã' },
      ['location'],
      /^Không được chứa ký tự NUL/,
    ],
  ])('refuses %s', async (_, fields, path, message) => {
    const error = await refusal('api::meeting.meeting', {
      title: `Hội nghị ${unique()}`,
      kind: 'congress',
      extended: false,
      ...fields,
    });
    // API clients: the field's API name first, then the reason.
    expect(error.message).toMatch(new RegExp(`^${path.join('.')}: [a-zà-ỹ]`));
    expect(error.details.errors).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    ]);
  });

  it('refuses a body that is not Strapi blocks on the body field, saying where', async () => {
    const error = await refusal(ARTICLE, {
      title: `Tin ${unique()}`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 5 }] }],
    });
    expect(error.details.errors).toEqual([
      expect.objectContaining({
        path: ['body'],
        message: 'Một nút chữ cần `text` là chuỗi (tại 0.children.0)',
      }),
    ]);
    expect(error.message).toBe('body: một nút chữ cần `text` là chuỗi (tại 0.children.0)');
  });
});

describe('the article list sorted by views', () => {
  it('orders the whole list by views in the list locale, page after page, with the filters kept', async () => {
    const editor = await login(EDITOR_ROLE.code);
    const tag = unique();
    const views = [5, 40, 0, 17];
    const ids: string[] = [];
    for (const [index, count] of views.entries()) {
      const { documentId } = await app
        .documents(ARTICLE)
        .create({ locale: 'vi', data: { title: `Bài xếp theo lượt xem ${tag} ${index}` } });
      ids.push(documentId);
      if (count > 0)
        await app
          .plugin('insights')
          .service('viewStore')
          .importBaseline({ contentType: ARTICLE, documentId, locale: 'vi' }, count);
    }
    // The same counts in English must not decide the Vietnamese order.
    await app
      .plugin('insights')
      .service('viewStore')
      .importBaseline({ contentType: ARTICLE, documentId: ids[2], locale: 'en' }, 1000);
    const page = async (n: number, direction: string) => {
      const res = await http(app)
        .get(
          `${cm(ARTICLE)}?page=${n}&pageSize=2&sort=viewCount:${direction}&plugins[i18n][locale]=vi` +
            `&filters[$and][0][title][$contains]=${encodeURIComponent(tag)}`
        )
        .set('Authorization', editor);
      expect(res.status).toBe(200);
      expect(res.body.pagination).toMatchObject({ total: 4, pageCount: 2 });
      return res.body.results.map((row: { documentId: string }) => ids.indexOf(row.documentId));
    };
    expect([...(await page(1, 'DESC')), ...(await page(2, 'DESC'))]).toEqual([1, 3, 0, 2]);
    expect([...(await page(1, 'ASC')), ...(await page(2, 'ASC'))]).toEqual([2, 0, 3, 1]);
  });
});
