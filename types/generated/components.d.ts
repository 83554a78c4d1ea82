import type { Schema, Struct } from '@strapi/strapi';

export interface AwardRecipient extends Struct.ComponentSchema {
  collectionName: 'components_award_recipients';
  info: {
    description: 'Ng\u01B0\u1EDDi/\u0111\u01A1n v\u1ECB \u0111\u01B0\u1EE3c khen: t\u1EADp th\u1EC3 (\u0111\u01A1n v\u1ECB, ho\u1EB7c t\u00EAn nh\u1EADp tay), c\u00E1 nh\u00E2n (c\u00E1n b\u1ED9, ho\u1EB7c t\u00EAn nh\u1EADp tay), ho\u1EB7c m\u1ED9t s\u1ED1 l\u01B0\u1EE3ng (count) t\u1EADp th\u1EC3/c\u00E1 nh\u00E2n \u1EDF m\u1ED9t \u0111\u01A1n v\u1ECB';
    displayName: 'Recipient';
  };
  attributes: {
    count: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100000;
          min: 1;
        },
        number
      >;
    kind: Schema.Attribute.Enumeration<['collective', 'individual']> &
      Schema.Attribute.Required;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    official: Schema.Attribute.Relation<'oneToOne', 'api::official.official'>;
    organization: Schema.Attribute.Relation<
      'oneToOne',
      'api::organization.organization'
    >;
    positionText: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface MediaFigure extends Struct.ComponentSchema {
  collectionName: 'components_media_figures';
  info: {
    description: '\u1EA2nh k\u00E8m ch\u00FA th\u00EDch';
    displayName: 'Figure';
  };
  attributes: {
    caption: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    image: Schema.Attribute.Media<'images'>;
  };
}

export interface MeetingAttendee extends Struct.ComponentSchema {
  collectionName: 'components_meeting_attendees';
  info: {
    description: '\u0110\u1EA1i bi\u1EC3u: ng\u01B0\u1EDDi d\u1EF1, ch\u1EE7 tr\u00EC ho\u1EB7c d\u1EF1 ch\u1EC9 \u0111\u1EA1o h\u1ED9i ngh\u1ECB';
    displayName: 'Attendee';
  };
  attributes: {
    official: Schema.Attribute.Relation<'oneToOne', 'api::official.official'>;
    positionText: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    role: Schema.Attribute.Enumeration<
      ['chairs', 'directs', 'attends', 'reports']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'attends'>;
  };
}

export interface PeoplePosition extends Struct.ComponentSchema {
  collectionName: 'components_people_positions';
  info: {
    description: 'Ch\u1EE9c v\u1EE5: ch\u1EE9c danh t\u1EA1i m\u1ED9t \u0111\u01A1n v\u1ECB, t\u1EEB ng\u00E0y \u0111\u1EBFn ng\u00E0y; former: \u0111\u00E3 th\u00F4i gi\u1EEF ch\u1EE9c (kh\u00F4ng r\u00F5 ng\u00E0y th\u00F4i)';
    displayName: 'Position';
  };
  attributes: {
    endDate: Schema.Attribute.Date;
    former: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    organization: Schema.Attribute.Relation<
      'oneToOne',
      'api::organization.organization'
    >;
    startDate: Schema.Attribute.Date;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'award.recipient': AwardRecipient;
      'media.figure': MediaFigure;
      'meeting.attendee': MeetingAttendee;
      'people.position': PeoplePosition;
    }
  }
}
