/**
 * What an editor sees of each content type and component in the admin panel: a Vietnamese label for every
 * field, a one-line help text where the meaning is not obvious, the field order of the edit view (groups start
 * a new row: what happened, who, when, relations, then technical fields), the list columns, and the fields the
 * server owns (read-only) or shows elsewhere (hidden). Applied at every start by `content-manager-views.ts`;
 * API names and values stay as they are.
 */
export type FieldText = { label: string; description?: string };

export type EditorView = {
  /** The field that names an entry in lists, relations and the edit view title. */
  mainField?: string;
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
  fields: Record<string, FieldText>;
  /** Groups of fields; each group starts on a new row. Fields left out follow at the end. */
  edit: string[][];
  list?: string[];
  /** Written by the server's rules: shown, not editable. */
  readOnly?: string[];
  /** Not shown in the edit view (shown another way). */
  hidden?: string[];
};

const SLUG_HELP =
  'Để trống: hệ thống tự tạo từ tiêu đề (không dấu, nối bằng gạch ngang). Phải khác mọi mục khác cùng ngôn ngữ.';

/** Strapi's own fields, shown in lists and filters. */
export const SYSTEM_FIELDS: Record<string, FieldText> = {
  id: { label: 'ID' },
  documentId: { label: 'Mã tài liệu' },
  createdAt: { label: 'Tạo lúc' },
  updatedAt: { label: 'Cập nhật lúc' },
  publishedAt: { label: 'Xuất bản lúc' },
  createdBy: { label: 'Người tạo' },
  updatedBy: { label: 'Người sửa' },
  locale: { label: 'Ngôn ngữ' },
};

export const CONTENT_TYPE_VIEWS: Record<string, EditorView> = {
  'api::article.article': {
    mainField: 'title',
    defaultSort: { field: 'publishedDate', order: 'DESC' },
    fields: {
      title: { label: 'Tiêu đề' },
      summary: {
        label: 'Tóm tắt',
        description: 'Đoạn mở đầu ngắn, hiện dưới tiêu đề và trong danh sách tin.',
      },
      body: { label: 'Nội dung' },
      cover: { label: 'Ảnh đại diện', description: 'Ảnh hiện ở đầu bài và trong danh sách tin.' },
      gallery: {
        label: 'Ảnh trong bài',
        description: 'Mỗi ảnh kèm một chú thích, theo thứ tự hiện trong bài.',
      },
      author: {
        label: 'Tác giả',
        description: 'Tên người viết, hiện ở cuối bài (ví dụ: Thu Hà - Hội LHPN huyện).',
      },
      publishedDate: {
        label: 'Đăng lúc',
        description:
          'Ngày giờ đăng hiện trên cổng. Để trống: lấy lúc xuất bản lần đầu. Khác "Cập nhật lúc" (lần sửa gần nhất).',
      },
      organization: { label: 'Đơn vị đăng tin' },
      meetings: { label: 'Hội nghị được đưa tin' },
      officials: { label: 'Cán bộ được nhắc đến' },
      awards: { label: 'Khen thưởng được đưa tin' },
      slug: { label: 'Đường dẫn (slug)', description: SLUG_HELP },
    },
    edit: [
      ['title', 'summary', 'body'],
      ['cover', 'gallery'],
      ['author', 'publishedDate'],
      ['organization', 'meetings', 'officials', 'awards'],
      ['slug'],
    ],
    list: ['title', 'organization', 'publishedDate'],
  },
  'api::meeting.meeting': {
    mainField: 'title',
    defaultSort: { field: 'startDate', order: 'DESC' },
    fields: {
      title: {
        label: 'Tên hội nghị',
        description: 'Tên như trong tin, ví dụ: Hội nghị BCH lần thứ 3, khóa I.',
      },
      kind: { label: 'Loại hội nghị' },
      extended: {
        label: 'Mở rộng',
        description: 'Bật nếu là hội nghị mở rộng (mời thêm đại biểu ngoài Ban Chấp hành).',
      },
      summary: { label: 'Tóm tắt nội dung' },
      organizer: { label: 'Đơn vị tổ chức' },
      attendees: {
        label: 'Đại biểu',
        description: 'Người chủ trì, dự chỉ đạo, báo cáo hoặc dự, với chức vụ lúc đó.',
      },
      startDate: { label: 'Ngày họp' },
      location: { label: 'Địa điểm' },
      sessionNumber: {
        label: 'Lần thứ',
        description:
          'Số thứ tự hội nghị trong khóa, ghi bằng số: "lần thứ 3" ghi 3, "lần thứ VIII" ghi 8.',
      },
      termNumber: {
        label: 'Khóa',
        description: 'Số khóa của Ban Chấp hành, ghi bằng số: khóa I ghi 1, khóa XVIII ghi 18.',
      },
      termStartYear: {
        label: 'Nhiệm kỳ từ năm',
        description: 'Năm đầu nhiệm kỳ: nhiệm kỳ 2025–2030 ghi 2025.',
      },
      termEndYear: {
        label: 'Nhiệm kỳ đến năm',
        description: 'Năm cuối nhiệm kỳ: nhiệm kỳ 2025–2030 ghi 2030.',
      },
      slug: { label: 'Đường dẫn (slug)', description: SLUG_HELP },
    },
    edit: [
      ['title', 'kind', 'extended', 'summary'],
      ['organizer', 'attendees'],
      ['startDate', 'location'],
      ['sessionNumber', 'termNumber', 'termStartYear', 'termEndYear'],
      ['slug'],
    ],
    list: ['title', 'kind', 'organizer', 'startDate'],
  },
  'api::award.award': {
    mainField: 'title',
    defaultSort: { field: 'decisionDate', order: 'DESC' },
    fields: {
      title: {
        label: 'Tên khen thưởng',
        description: 'Ví dụ: Giấy khen tổng kết phong trào thi đua năm 2024.',
      },
      form: { label: 'Hình thức khen thưởng' },
      achievement: { label: 'Thành tích' },
      movement: { label: 'Phong trào thi đua' },
      issuer: { label: 'Đơn vị khen thưởng', description: 'Đơn vị ra quyết định khen thưởng.' },
      presenter: { label: 'Người trao' },
      recipients: {
        label: 'Người/đơn vị được khen có tên',
        description:
          'Từng tập thể hoặc cá nhân được nêu tên. Ai chỉ được nêu số lượng thì ghi vào hai ô số lượng bên dưới.',
      },
      countedCollectives: {
        label: 'Số tập thể chỉ biết số lượng',
        description:
          'Tin chỉ nêu số, không nêu tên (ví dụ "3 tập thể"): ghi 3. Không tính tập thể đã nhập tên ở trên.',
      },
      countedIndividuals: {
        label: 'Số cá nhân chỉ biết số lượng',
        description:
          'Tin chỉ nêu số, không nêu tên (ví dụ "5 cá nhân"): ghi 5. Không tính cá nhân đã nhập tên ở trên.',
      },
      recipientsNote: { label: 'Ghi chú về người được khen' },
      decisionNumber: { label: 'Số quyết định' },
      decisionDate: { label: 'Ngày ký quyết định' },
      decisionDatePrecision: {
        label: 'Độ chính xác của ngày quyết định',
        description:
          'Tin chỉ nêu tháng hoặc năm: chọn mức đã biết và ghi ngày đầu tháng (hoặc đầu năm) vào Ngày ký quyết định.',
      },
      year: {
        label: 'Năm khen thưởng',
        description:
          'Năm mà khen thưởng thuộc về khi tin nêu rõ (ví dụ "khen thưởng năm 2019"). Để trống: lấy năm của ngày quyết định.',
      },
      periodStart: {
        label: 'Thành tích từ năm',
        description: 'Năm đầu giai đoạn được khen: giai đoạn 2018–2023 ghi 2018.',
      },
      periodEnd: {
        label: 'Thành tích đến năm',
        description: 'Năm cuối giai đoạn; khen một năm thì ghi như năm đầu.',
      },
      presentedAt: { label: 'Trao tại hội nghị' },
      awardStatus: { label: 'Hiệu lực' },
      revokedDate: { label: 'Ngày thu hồi' },
      revocationReason: { label: 'Lý do thu hồi' },
      collectiveCount: {
        label: 'Tổng số tập thể',
        description: 'Hệ thống tự tính: tập thể có tên cộng số tập thể chỉ biết số lượng.',
      },
      individualCount: {
        label: 'Tổng số cá nhân',
        description: 'Hệ thống tự tính: cá nhân có tên cộng số cá nhân chỉ biết số lượng.',
      },
      issuerWarning: { label: 'Cảnh báo về đơn vị khen thưởng' },
      slug: { label: 'Đường dẫn (slug)', description: SLUG_HELP },
    },
    edit: [
      ['title', 'form', 'achievement', 'movement'],
      ['issuer', 'presenter'],
      ['recipients', 'countedCollectives', 'countedIndividuals', 'recipientsNote'],
      ['decisionNumber', 'decisionDate', 'decisionDatePrecision', 'year'],
      ['periodStart', 'periodEnd'],
      ['presentedAt'],
      ['awardStatus', 'revokedDate', 'revocationReason'],
      ['collectiveCount', 'individualCount', 'slug'],
    ],
    list: ['title', 'form', 'issuer', 'decisionDate'],
    readOnly: ['collectiveCount', 'individualCount'],
    hidden: ['issuerWarning'],
  },
  'api::organization.organization': {
    mainField: 'name',
    defaultSort: { field: 'name', order: 'ASC' },
    fields: {
      name: { label: 'Tên đơn vị', description: 'Tên đầy đủ, ví dụ: Hội LHPN xã Tân Lập.' },
      shortName: { label: 'Tên viết tắt' },
      kind: { label: 'Loại đơn vị' },
      level: { label: 'Cấp' },
      parent: { label: 'Đơn vị cấp trên' },
      children: { label: 'Đơn vị trực thuộc' },
      validFrom: { label: 'Hoạt động từ ngày' },
      validFromPrecision: {
        label: 'Độ chính xác của ngày bắt đầu hoạt động',
        description:
          'Chỉ biết năm thành lập (ví dụ "thành lập năm 1947"): chọn "Chỉ biết năm" và ghi ngày 01/01 của năm đó.',
      },
      validTo: {
        label: 'Hoạt động đến ngày',
        description:
          'Để trống nếu đơn vị còn hoạt động. Đơn vị đã sáp nhập: ghi ngày kết thúc và chọn đơn vị kế thừa.',
      },
      successors: {
        label: 'Đơn vị kế thừa',
        description:
          'Các đơn vị mới mà đơn vị này sáp nhập vào (có thể nhiều khi đơn vị được chia tách).',
      },
      predecessors: {
        label: 'Các đơn vị tiền thân',
        description: 'Các đơn vị cũ đã sáp nhập vào đơn vị này.',
      },
      phone: { label: 'Điện thoại' },
      email: { label: 'Email' },
      address: { label: 'Địa chỉ' },
      website: { label: 'Trang web' },
      slug: { label: 'Đường dẫn (slug)', description: SLUG_HELP },
    },
    edit: [
      ['name', 'shortName', 'kind', 'level'],
      ['parent', 'children'],
      ['validFrom', 'validFromPrecision', 'validTo'],
      ['successors', 'predecessors'],
      ['phone', 'email', 'address', 'website'],
      ['slug'],
    ],
    list: ['name', 'kind', 'level', 'parent'],
  },
  'api::official.official': {
    mainField: 'fullName',
    defaultSort: { field: 'fullName', order: 'ASC' },
    fields: {
      fullName: { label: 'Họ và tên' },
      portrait: { label: 'Ảnh chân dung' },
      positions: {
        label: 'Chức vụ',
        description:
          'Mỗi chức vụ gắn với một đơn vị và một thời kỳ; cán bộ kiêm nhiệm thì thêm nhiều dòng.',
      },
      slug: { label: 'Đường dẫn (slug)', description: SLUG_HELP },
    },
    edit: [['fullName', 'portrait'], ['positions'], ['slug']],
    list: ['fullName', 'updatedAt'],
  },
};

export const COMPONENT_VIEWS: Record<string, EditorView> = {
  'award.recipient': {
    mainField: 'name',
    fields: {
      kind: { label: 'Tập thể hay cá nhân' },
      organization: {
        label: 'Đơn vị (nếu là tập thể)',
        description:
          'Khi ghi số lượng: đơn vị mà các tập thể, cá nhân được đếm thuộc về (hoặc thuộc các đơn vị trực thuộc của nó).',
      },
      official: { label: 'Cán bộ (nếu là cá nhân có trong hệ thống)' },
      name: {
        label: 'Họ tên (nếu chưa có trong danh sách cán bộ)',
        description: 'Chỉ nhập khi không chọn được cán bộ ở ô trên.',
      },
      positionText: { label: 'Chức vụ lúc được khen' },
      count: {
        label: 'Số lượng',
        description:
          'Tin chỉ nêu số, không nêu tên (ví dụ "20 tập thể xuất sắc cấp cơ sở"): ghi 20 và chọn đơn vị ở ô Đơn vị.',
      },
    },
    edit: [['kind'], ['organization', 'official'], ['name', 'positionText', 'count']],
  },
  'media.figure': {
    mainField: 'caption',
    fields: {
      image: { label: 'Ảnh' },
      caption: { label: 'Chú thích ảnh' },
    },
    edit: [['image', 'caption']],
  },
  'meeting.attendee': {
    mainField: 'positionText',
    fields: {
      official: { label: 'Cán bộ' },
      role: { label: 'Vai trò' },
      positionText: {
        label: 'Chức vụ lúc dự',
        description: 'Chức vụ ghi trong tin, tại thời điểm hội nghị.',
      },
    },
    edit: [['official', 'role'], ['positionText']],
  },
  'people.position': {
    mainField: 'title',
    fields: {
      title: { label: 'Chức danh', description: 'Ví dụ: Chủ tịch Hội LHPN xã; Tỉnh ủy viên.' },
      organization: { label: 'Tại đơn vị' },
      startDate: { label: 'Từ ngày' },
      endDate: { label: 'Đến ngày', description: 'Để trống nếu còn giữ chức vụ.' },
      former: {
        label: 'Đã thôi giữ chức vụ',
        description: 'Bật khi biết người này đã thôi chức vụ nhưng không rõ ngày thôi.',
      },
    },
    edit: [
      ['title', 'organization'],
      ['startDate', 'endDate', 'former'],
    ],
  },
};
