import type { Core } from '@strapi/strapi';

import { http } from './strapi';

/** Creates a super admin once per database and logs in: requests then go through the admin panel's own API. */
export const adminSession = async (app: Core.Strapi) => {
  const email = 'editor@test.local';
  const password = 'Editor-pass-123';
  const existing = await app.db.query('admin::user').findOne({ where: { email } });
  if (!existing) {
    const superAdmin = await app.service('admin::role').getSuperAdmin();
    await app.service('admin::user').create({
      email,
      firstname: 'Biên',
      lastname: 'Tập',
      password,
      isActive: true,
      roles: [superAdmin.id],
    });
  }
  const res = await http(app).post('/admin/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.data.token}`;
};
