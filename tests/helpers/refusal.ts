import { errors } from '@strapi/utils';

/** The ValidationError a pure parser throws, with the field it names; fails when the input is accepted. */
export const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof errors.ValidationError)
      return { message: error.message, field: error.details?.field };
    throw error;
  }
  throw new Error('accepted');
};
