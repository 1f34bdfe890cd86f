package org.kinship.referrals;

/** How to reach a provider's referral focal point (the directory is published: no child data here). */
public record ProviderContact(String person, String phone, String email, String address) {

    public static final ProviderContact NONE = new ProviderContact("", "", "", "");

    public ProviderContact {
        person = person == null ? "" : person.strip();
        phone = phone == null ? "" : phone.strip();
        email = email == null ? "" : email.strip();
        address = address == null ? "" : address.strip();
    }
}
