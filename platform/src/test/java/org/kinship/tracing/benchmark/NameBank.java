package org.kinship.tracing.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * Names as different people spell them. Each entry: Latin spellings separated by commas (the first is the
 * usual one), then {@code |} and the Arabic script form for Arabic names.
 */
final class NameBank {

    record Name(List<String> spellings, String arabic) {
        static Name parse(String entry) {
            String[] parts = entry.split("\\|");
            return new Name(Arrays.asList(parts[0].split(",")), parts.length > 1 ? parts[1] : "");
        }
    }

    enum Culture { ARABIC, FRENCH, ENGLISH, EAST_AFRICAN }

    static final List<Name> ARABIC_MALE = parse("""
            Mohamed,Mohammed,Muhammad,Mohamad,Mahamat|محمد;Ahmed,Ahmad,Ahmat|أحمد;Mustafa,Moustapha,Mostafa,Mustapha|مصطفى;\
            Hussein,Houssein,Hussain,Husayn|حسين;Hassan,Hasan,Hassane|حسن;Ali,Aly|علي;Omar,Umar,Oumar|عمر;\
            Ibrahim,Ebrahim,Brahim|إبراهيم;Yusuf,Youssef,Yousef,Youssouf|يوسف;Abdallah,Abdullah,Abdalla|عبدالله;\
            Abdelrahman,Abdulrahman,Abd al-Rahman,Abderrahmane|عبد الرحمن;Khalid,Khaled|خالد;Ismail,Ismael,Esmail|إسماعيل;\
            Adam,Adem|آدم;Ishaq,Ishag,Ishak|إسحاق;Salih,Saleh|صالح;Osman,Othman,Usman,Uthman|عثمان;Yahya,Yehia,Yahia|يحيى;\
            Idris,Idriss,Edris|إدريس;Musa,Moussa,Mousa|موسى;Issa,Isa,Eissa|عيسى;Jamal,Gamal,Djamal|جمال;Hamid,Hamed|حامد;\
            Tariq,Tarek,Tarik|طارق;Bashir,Bechir,Bachir|بشير;Suleiman,Sulayman,Souleymane,Slimane|سليمان;\
            Abakar,Abbakar,Aboubakar,Abubakar|أبكر;Zakaria,Zakariya,Zacharia|زكريا;Haroun,Harun,Haroon|هارون;\
            Mahmoud,Mahmud,Mahmood|محمود;Karim,Kareem|كريم;Faisal,Faycal,Faysal|فيصل;Anwar,Anouar|أنور;Said,Saeed|سعيد;\
            Walid,Waleed,Oualid|وليد;Hamza,Hamzah|حمزة;Rashid,Rachid,Rasheed|رشيد;Nasser,Nasir,Naser|ناصر;\
            Jibril,Gibril,Djibril|جبريل;Hamdan,Hamdane|حمدان;Mansour,Mansur|منصور;Babiker,Babikir|بابكر;\
            Siddiq,Siddig,Seddik|صديق;Awad,Aouad|عوض;Fadl,Fadel,Fadul|فضل;Nourein,Nurein|نورين;Ayoub,Ayub|أيوب;\
            Bilal,Belal|بلال;Sami,Samy|سامي;Tahir,Taher|طاهر;Yacoub,Yaqub,Yakub|يعقوب;Daoud,Dawud,Daud|داود""");

    static final List<Name> ARABIC_FEMALE = parse("""
            Fatima,Fatma,Fatuma,Fatimah|فاطمة;Aisha,Aicha,Aysha,Ayesha|عائشة;Khadija,Khadidja,Khadiga|خديجة;\
            Maryam,Mariam,Meriem|مريم;Amina,Aminah,Ameena|أمينة;Zainab,Zeinab,Zaynab|زينب;Hawa,Haoua,Hawwa|حواء;\
            Halima,Halimah|حليمة;Salma,Selma|سلمى;Huda,Houda,Hoda|هدى;Nadia,Nadya|نادية;Layla,Leila,Laila|ليلى;\
            Rahma,Rahmah|رحمة;Safiya,Safia|صفية;Samira,Samirah|سميرة;Hanan,Hanane|حنان;Yasmin,Yasmine|ياسمين;\
            Sara,Sarah|سارة;Asma,Asmaa|أسماء;Rania,Ranya|رانيا;Mona,Muna|منى;Nafisa,Nafissa|نفيسة;Suad,Souad|سعاد;\
            Hadiza,Hadiza|حديزة;Achta,Ashta|أشتا;Kaltouma,Kaltuma,Kalthoum|كلثوم;Mahassin,Mahasin|محاسن;\
            Awatif,Aouatif|عواطف;Ikhlas,Ikhlass|إخلاص;Sumaya,Soumaya,Sumaiya|سمية""");

    static final List<Name> FRENCH_MALE = parse("""
            Jean,Jan;Pierre,Piere;Emmanuel,Emanuel,Manu;Dieudonne,Dieudonné,Dieudo;Joseph,Josef;Patrick,Patric;\
            Christian,Kristian;Olivier,Olivie;Eric,Éric,Erick;Francois,François,Fransois;Claude,Klod;Serge,Sergé;\
            Thierry,Thiery;Fabrice,Fabrisse;Benoit,Benoît;Blaise,Blaize;Innocent,Inocent;Prosper,Prospere;\
            Gaston,Gastone;Aime,Aimé;Desire,Désiré;Celestin,Célestin;Fidele,Fidèle;Justin,Justen""");

    static final List<Name> FRENCH_FEMALE = parse("""
            Marie,Mari;Claire,Clair;Chantal,Chantale;Esther,Ester;Josephine,Joséphine,Josefine;Beatrice,Béatrice;\
            Odette,Odete;Solange,Solenge;Jeanne,Jeane;Francine,Fransine;Aline,Alline;Grace,Grâce;\
            Esperance,Espérance;Pascaline,Paskaline;Nadine,Nadyne;Clarisse,Clarice;Immaculee,Immaculée;Alice,Alis""");

    static final List<Name> CONGOLESE_FAMILY = parse("""
            Kabila,Kabilla;Mukendi,Moukendi;Tshibanda,Chibanda;Kasongo,Kassongo;Ilunga,Ilounga;Kalala,Kalalla;\
            Ngoy,Ngoyi;Mutombo,Moutombo;Lukusa,Loukoussa;Nsimba,Simba;Kabongo,Kabongho;Mwamba,Mouamba;Banza,Bansa;\
            Tshimanga,Chimanga;Kazadi,Kasadi;Mulumba,Moulumba;Ntumba,Ntoumba;Kapinga,Kappinga;Makiese,Makiesse;\
            Bahati,Bahaty;Habimana,Abimana;Niyonzima,Nyonzima;Uwimana,Uwimanna;Bizimana,Bisimana;Hakizimana,Akizimana""");

    static final List<Name> ENGLISH_MALE = parse("""
            John,Jon;Michael,Micheal,Mike;James,Jim;David,Dave;Peter,Pete;Paul,Paull;Daniel,Danny;Samuel,Sam;\
            Joseph,Joe;Stephen,Steven;Simon,Symon;Moses,Mozes;Isaac,Isaak;Patrick,Patrik;Charles,Charlie""");

    static final List<Name> ENGLISH_FEMALE = parse("""
            Mary,Marie;Grace,Grase;Elizabeth,Elisabeth,Liz;Esther,Ester;Sarah,Sara;Rebecca,Rebekah;Ruth,Rut;\
            Janet,Jannet;Margaret,Maggie;Florence,Florance;Christine,Kristine;Agnes,Agnès;Joyce,Joice;Harriet,Hariet""");

    static final List<Name> EAST_AFRICAN_MALE = parse("""
            Otieno,Otiyeno;Ochieng,Ochien;Odhiambo,Odiambo;Kamau,Kamao;Njoroge,Njoroje;Mwangi,Muangi;Kariuki,Kariuky;\
            Mutua,Mutwa;Deng,Dheng;Garang,Garan;Majok,Machok;Lual,Luol;Kuol,Kwol;Mabior,Mabiour;Okello,Okelo;\
            Mukasa,Mukassa;Ssebunya,Sebunya;Kiprono,Kipronno;Wekesa,Wekessa;Barasa,Baraza;Juma,Djuma;Baraka,Barakka""");

    static final List<Name> EAST_AFRICAN_FEMALE = parse("""
            Akinyi,Akinye;Atieno,Atiyeno;Wanjiru,Wanjiro;Nyambura,Nyamburah;Wanjiku,Wanjku,Shiku;Chebet,Chepet;\
            Nyandeng,Nyadeng;Akech,Akec;Achol,Akol;Ayen,Ayeen;Abuk,Abouk;Auma,Awuma;Nakato,Nakatto;\
            Namubiru,Namubirru;Adhiambo,Adiambo;Njeri,Njery;Wambui,Wambuy;Nekesa,Nekessa;Rehema,Rehemma;Zawadi,Zawady""");

    private NameBank() {
    }

    private static List<Name> parse(String entries) {
        return Arrays.stream(entries.replace("\n", "").split(";")).map(String::strip).map(Name::parse).toList();
    }

    static List<Name> given(Culture culture, boolean female) {
        return switch (culture) {
            case ARABIC -> female ? ARABIC_FEMALE : ARABIC_MALE;
            case FRENCH -> female ? FRENCH_FEMALE : FRENCH_MALE;
            case ENGLISH -> female ? ENGLISH_FEMALE : ENGLISH_MALE;
            case EAST_AFRICAN -> female ? EAST_AFRICAN_FEMALE : EAST_AFRICAN_MALE;
        };
    }

    /** Family names: Arabic children carry their father's and grandfather's given names instead. */
    static List<Name> family(Culture culture) {
        return switch (culture) {
            case ARABIC -> ARABIC_MALE;
            case FRENCH -> CONGOLESE_FAMILY;
            case ENGLISH, EAST_AFRICAN -> EAST_AFRICAN_MALE;
        };
    }
}
