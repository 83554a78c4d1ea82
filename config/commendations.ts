/**
 * Who normally issues each commendation form (Luật Thi đua, khen thưởng 2022). An award whose issuer's level or
 * kind is not listed gets a warning an editor sees (`issuerWarning`), not a refusal: real decisions vary.
 */
export default {
  issuerRules: {
    // Bằng khen: Prime Minister, ministries, provinces, central mass organisations, provincial union standing committees.
    certificate_of_merit: { levels: ['central', 'province'], kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front'] },
    // Giấy khen: district and commune level, and heads of units (provincial departments among them).
    certificate_of_commendation: { levels: ['province', 'district', 'commune'], kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front', 'bank', 'other'] },
    // Huân chương / Huy chương: conferred by the State President only.
    medal: { levels: ['central'], kinds: ['government'] },
    // Kỷ niệm chương "Vì sự phát triển của Phụ nữ Việt Nam": the central union.
    commemorative_medal: { levels: ['central'], kinds: ['womens_union'] },
    // Cờ thi đua: the Government, ministries, provinces, central organisations.
    emulation_flag: { levels: ['central', 'province'], kinds: ['womens_union', 'government', 'party_committee', 'fatherland_front'] },
  },
};
