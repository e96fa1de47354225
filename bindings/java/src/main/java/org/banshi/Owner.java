package org.banshi;

/** Who a material belongs to (SCHEMA.md, material fields). */
public enum Owner {
    /** {@code applicant}: 申请人. */
    APPLICANT("applicant"),
    /** {@code proxy}: 代办人. */
    PROXY("proxy"),
    /** {@code spouse}: 配偶. */
    SPOUSE("spouse"),
    /** {@code child}: 孩子. */
    CHILD("child"),
    /** {@code guarantor}: 担保人. */
    GUARANTOR("guarantor"),
    /** {@code counter_guarantor}: 反担保人. */
    COUNTER_GUARANTOR("counter_guarantor"),
    /** {@code employer}: 用工单位. */
    EMPLOYER("employer"),
    /** {@code dispute_parties}: 争议双方. */
    DISPUTE_PARTIES("dispute_parties");

    private final String wire;

    Owner(String wire) {
        this.wire = wire;
    }

    /**
     * The value as the JSON spells it.
     *
     * @return such as {@code "applicant"}
     */
    public String wireName() {
        return wire;
    }

    static Owner read(JsonReader in) {
        String s = in.string();
        switch (s) {
            case "applicant": return APPLICANT;
            case "proxy": return PROXY;
            case "spouse": return SPOUSE;
            case "child": return CHILD;
            case "guarantor": return GUARANTOR;
            case "counter_guarantor": return COUNTER_GUARANTOR;
            case "employer": return EMPLOYER;
            case "dispute_parties": return DISPUTE_PARTIES;
            default: throw in.error("unknown Owner \"" + s + "\"");
        }
    }
}
