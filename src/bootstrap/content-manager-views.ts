import type { Core } from '@strapi/strapi';

import {
  COMPONENT_VIEWS,
  CONTENT_TYPE_VIEWS,
  SYSTEM_FIELDS,
  type EditorView,
} from './editor-views';

/**
 * Writes the editor views (`editor-views.ts`) into the content manager's stored configuration at every start,
 * after the content manager has synced it with the schemas (its bootstrap runs before the app's). A fresh
 * install gets them, and a label changed in the admin panel's "Configure the view" comes back at the next
 * start: the code is the source. A field the views do not name (a field added to a schema later) keeps
 * Strapi's placement, after the named ones.
 */
type Cell = { name: string; size: number };
type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Cell[][] };
};
type ConfigurationService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};
type FieldSizes = { getFieldSize(type: string): { default: number } };
type Schema = { attributes: Record<string, { type: string; target?: string }> };

const ROW = 12;

/** Packs each group's fields into rows of 12 columns; every group starts a row. */
const packRows = (groups: string[][], sizeOf: (name: string) => number): Cell[][] =>
  groups.flatMap((group) =>
    group.reduce<Cell[][]>((rows, name) => {
      const size = sizeOf(name);
      const last = rows[rows.length - 1];
      const used = last ? last.reduce((sum, cell) => sum + cell.size, 0) : ROW;
      if (last && used + size <= ROW) last.push({ name, size });
      else rows.push([{ name, size }]);
      return rows;
    }, [])
  );

const editLayout = (view: EditorView, stored: Cell[][], sizeOf: (name: string) => number) => {
  const storedNames = stored.flat().map((cell) => cell.name);
  const hidden = new Set(view.hidden ?? []);
  const named = view.edit
    .map((group) => group.filter((name) => storedNames.includes(name) && !hidden.has(name)))
    .filter((group) => group.length > 0);
  const placed = new Set(named.flat());
  const others = storedNames.filter((name) => !placed.has(name) && !hidden.has(name));
  return packRows(others.length > 0 ? [...named, others] : named, sizeOf);
};

const metadatas = (
  view: EditorView,
  stored: Record<string, Metadata>,
  mainFieldOf: (name: string) => string | undefined
) =>
  Object.fromEntries(
    Object.entries(stored).map(([name, metadata]) => {
      const text = view.fields[name] ?? SYSTEM_FIELDS[name];
      const targetMainField = mainFieldOf(name);
      return [
        name,
        {
          edit: {
            ...metadata.edit,
            ...(text && 'label' in metadata.edit
              ? { label: text.label, description: text.description ?? '' }
              : {}),
            ...((view.readOnly ?? []).includes(name) ? { editable: false } : {}),
            ...((view.hidden ?? []).includes(name) ? { visible: false } : {}),
            ...(targetMainField ? { mainField: targetMainField } : {}),
          },
          list: { ...metadata.list, ...(text ? { label: text.label } : {}) },
        },
      ];
    })
  );

const applyView = async (
  strapi: Core.Strapi,
  service: ConfigurationService,
  uid: string,
  schema: Schema,
  view: EditorView
) => {
  const sizes: FieldSizes = strapi.plugin('content-manager').service('field-sizes');
  const stored = await service.findConfiguration({ uid });
  const storedSize = new Map(stored.layouts.edit.flat().map((cell) => [cell.name, cell.size]));
  const sizeOf = (name: string) =>
    storedSize.get(name) ?? sizes.getFieldSize(schema.attributes[name].type).default;
  const mainFieldOf = (name: string) => {
    const target = schema.attributes[name]?.target;
    return target ? CONTENT_TYPE_VIEWS[target]?.mainField : undefined;
  };
  const listable = (name: string) => name in stored.metadatas;
  await service.updateConfiguration(
    { uid },
    {
      settings: {
        ...stored.settings,
        ...(view.mainField ? { mainField: view.mainField } : {}),
        ...(view.defaultSort
          ? { defaultSortBy: view.defaultSort.field, defaultSortOrder: view.defaultSort.order }
          : {}),
      },
      metadatas: metadatas(view, stored.metadatas, mainFieldOf),
      layouts: {
        list: view.list ? view.list.filter(listable) : stored.layouts.list,
        edit: editLayout(view, stored.layouts.edit, sizeOf),
      },
    }
  );
};

export const applyEditorViews = async (strapi: Core.Strapi) => {
  const contentTypes: ConfigurationService = strapi
    .plugin('content-manager')
    .service('content-types');
  const components: ConfigurationService = strapi.plugin('content-manager').service('components');
  for (const [uid, schema] of Object.entries(strapi.contentTypes)) {
    const view = CONTENT_TYPE_VIEWS[uid];
    if (view) await applyView(strapi, contentTypes, uid, schema, view);
  }
  for (const [uid, schema] of Object.entries(strapi.components)) {
    const view = COMPONENT_VIEWS[uid];
    if (view) await applyView(strapi, components, uid, schema, view);
  }
};
