package org.linli.basedata;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws plausible people from a seeded random source: Chinese names by surname frequency, ages by the
 * 2020 census age pyramid, household sizes, incomes (log-normal), disabilities and hukou types.
 * The same seed always draws the same people.
 */
final class SyntheticPopulation {

    /** Common surnames with rough relative frequencies (per mille of the population). */
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
            "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任",
            "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾", "夏", "付", "方",
            "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "尹", "薛", "闫", "段", "雷", "龙", "黎", "史", "陶", "贺",
            "毛", "郝", "顾", "龚", "邵", "万", "覃", "武", "钱", "戴", "严", "欧阳", "诸葛", "司马", "上官"};
    private static final int[] SURNAME_WEIGHTS = {74, 72, 68, 54, 47, 31, 23, 22, 20, 18, 17, 15, 13, 13, 11, 11, 11,
            10, 10, 9, 9, 8, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3,
            3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 2, 2, 1, 1, 1, 1};
    private static final String MALE_CHARS = "伟强磊军勇杰涛明超华建国平刚辉鹏志斌宇浩然子轩博文俊宏飞龙海洋晨阳成林峰波德福";
    private static final String FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英玲燕红梅兰琳雪慧婷颖洁倩晶蕾欣怡萱佳彤悦雨桂珍凤淑";

    /** Share of the population per five-year age band, 0-4 … 85+ (2020 census, rounded). */
    private static final int[] AGE_BANDS = {54, 64, 59, 52, 53, 66, 88, 71, 67, 82, 83, 72, 52, 50, 34, 21, 14, 10};
    /** Households of 1, 2, 3, 4 and 5 people, in per cent. */
    private static final int[] HOUSEHOLD_SIZES = {25, 30, 21, 13, 11};

    private static final int SURNAME_TOTAL = sum(SURNAME_WEIGHTS);
    private static final int AGE_TOTAL = sum(AGE_BANDS);
    private static final int ADULT_AGE_TOTAL = AGE_TOTAL - AGE_BANDS[0] - AGE_BANDS[1] - AGE_BANDS[2] - AGE_BANDS[3];

    private final SplittableRandom random;
    /**
     * A second stream for the facts the eligibility rules need (assets, care level, supporter, hardship, rental
     * inspection), so that adding them left every person drawn from {@link #random} as it was.
     */
    private final SplittableRandom circumstances;

    SyntheticPopulation(long seed) {
        this.random = new SplittableRandom(seed);
        this.circumstances = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    int householdSize() {
        return 1 + pick(HOUSEHOLD_SIZES, 100, 0);
    }

    /** An age in years; {@code adult} draws from 20 up, as for the head of a household. */
    int age(boolean adult) {
        int firstBand = adult ? 4 : 0;
        int band = pick(AGE_BANDS, adult ? ADULT_AGE_TOTAL : AGE_TOTAL, firstBand);
        int age = band * 5 + random.nextInt(band == AGE_BANDS.length - 1 ? 15 : 5);
        return age;
    }

    LocalDate birthDate(LocalDate referenceDate, int age) {
        return referenceDate.minusYears(age + 1L).plusDays(1 + random.nextInt(365));
    }

    boolean male() {
        return random.nextBoolean();
    }

    String name(boolean male) {
        String surname = SURNAMES[pick(SURNAME_WEIGHTS, SURNAME_TOTAL, 0)];
        String chars = male ? MALE_CHARS : FEMALE_CHARS;
        int length = random.nextInt(100) < 70 ? 2 : 1;
        StringBuilder name = new StringBuilder(surname);
        for (int i = 0; i < length; i++) {
            name.append(chars.charAt(random.nextInt(chars.length())));
        }
        return name.toString();
    }

    /** Monthly income per head in yuan, log-normal around 2,800. */
    double incomePerCapita() {
        double value = Math.exp(Math.log(2800) + 0.6 * random.nextGaussian());
        return Math.round(value / 10.0) * 10.0;
    }

    /** 0 for none (about 94 %), else the disability level 1 (most severe) to 4. */
    int disabilityLevel(int age) {
        int chance = age >= 60 ? 12 : 4;
        return random.nextInt(100) < chance ? 1 + random.nextInt(4) : 0;
    }

    String hukouType() {
        int roll = random.nextInt(100);
        return roll < 60 ? "LOCAL_URBAN" : roll < 80 ? "LOCAL_RURAL" : "NON_LOCAL";
    }

    /** A mainland mobile number for about 70 % of adults, none for the others. */
    String phone(int age) {
        if (age < 16 || random.nextInt(100) >= 70) {
            return null;
        }
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** Household financial assets per head in yuan: about eight months of income, log-normal; unknown for 3 %. */
    Double assetsPerCapita(double incomePerCapita) {
        if (circumstances.nextInt(100) < 3) {
            return null;
        }
        double value = incomePerCapita * 8 * Math.exp(0.9 * circumstances.nextGaussian());
        return Math.round(value / 100.0) * 100.0;
    }

    /**
     * The care needs assessment of people aged 60 and over, 0 (none) to 3 (severe), more need with age; about a
     * fifth not assessed yet ({@code null}); younger people are not assessed.
     */
    Integer careLevel(int age) {
        if (age < 60 || circumstances.nextInt(100) < 20) {
            return null;
        }
        int roll = circumstances.nextInt(100) - (age >= 80 ? 25 : 0);
        return roll < 10 ? 3 : roll < 25 ? 2 : roll < 45 ? 1 : 0;
    }

    /** Whether a legal supporter able to support exists: mostly yes; less often for old people living alone. */
    Boolean hasSupporter(int age, boolean alone) {
        int roll = circumstances.nextInt(100);
        if (roll < 2) {
            return null;
        }
        int without = age >= 60 && alone ? 30 : age >= 60 || age < 16 ? 6 : 3;
        return roll >= without;
    }

    /** A sudden hardship in the last 180 days for about 2 % of people: {@code [event, days ago]}, else {@code null}. */
    Object[] hardship() {
        int roll = circumstances.nextInt(1000);
        if (roll >= 20) {
            return null;
        }
        return new Object[] {roll < 5 ? "disaster" : "hospitalisation", circumstances.nextInt(181)};
    }

    /**
     * What a rental house's registration and inspection found: {@code [tenants, total area m², open fire hazards,
     * unregistered tenants, incidents in a year]}; a few crowded group rentals.
     */
    Object[] rentalInspection() {
        boolean groupRental = circumstances.nextInt(100) < 4;
        int tenants = groupRental ? 8 + circumstances.nextInt(12) : 1 + circumstances.nextInt(4);
        double area = groupRental ? 30 + circumstances.nextInt(40) : 30 + circumstances.nextInt(90);
        int fire = circumstances.nextInt(100) < 85 ? 0 : 1 + circumstances.nextInt(3);
        int unregistered = circumstances.nextInt(100) < 80 ? 0 : 1 + circumstances.nextInt(tenants);
        int incidents = circumstances.nextInt(100) < 90 ? 0 : 1 + circumstances.nextInt(2);
        return new Object[] {tenants, area, fire, unregistered, incidents};
    }

    boolean rental() {
        return random.nextInt(100) < 15;
    }

    private int pick(int[] weights, int total, int from) {
        int roll = random.nextInt(total);
        for (int i = from; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }
}
