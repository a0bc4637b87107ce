package org.linli.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

    @Test
    void sameSeedDrawsTheSamePeople() {
        assertThat(draw(new SyntheticPopulation(42), 200)).isEqualTo(draw(new SyntheticPopulation(42), 200))
                .isNotEqualTo(draw(new SyntheticPopulation(43), 200));
    }

    @Test
    void agesFollowTheCensusPyramid() {
        SyntheticPopulation population = new SyntheticPopulation(1);
        int n = 100_000;
        int elderly = 0;
        int children = 0;
        for (int i = 0; i < n; i++) {
            int age = population.age(false);
            elderly += age >= 60 ? 1 : 0;
            children += age < 15 ? 1 : 0;
        }
        // 2020 census: 18.7 % aged 60+, 17.9 % aged 0-14
        assertThat(elderly / (double) n).isBetween(0.17, 0.20);
        assertThat(children / (double) n).isBetween(0.16, 0.19);
    }

    @Test
    void headsOfHouseholdAreAdults() {
        SyntheticPopulation population = new SyntheticPopulation(5);
        for (int i = 0; i < 10_000; i++) {
            assertThat(population.age(true)).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void namesAreChineseAndPhonesAreMainlandMobiles() {
        SyntheticPopulation population = new SyntheticPopulation(9);
        for (int i = 0; i < 1_000; i++) {
            assertThat(population.name(i % 2 == 0)).matches("\\p{IsHan}{2,4}");
            String phone = population.phone(40);
            if (phone != null) {
                assertThat(phone).matches("1[3-9]\\d{9}");
            }
        }
    }

    @Test
    void circumstancesExerciseEveryPolicyRuleIncludingMissingData() {
        SyntheticPopulation population = new SyntheticPopulation(11);
        java.util.Map<Object, Integer> careLevels = new java.util.HashMap<>();
        int withoutSupporter = 0;
        int hardships = 0;
        int missingAssets = 0;
        int groupRentals = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            careLevels.merge(String.valueOf(population.careLevel(85)), 1, Integer::sum);
            withoutSupporter += Boolean.FALSE.equals(population.hasSupporter(75, true)) ? 1 : 0;
            hardships += population.hardship() != null ? 1 : 0;
            missingAssets += population.assetsPerCapita(2000) == null ? 1 : 0;
            Object[] rental = population.rentalInspection();
            groupRentals += ((Integer) rental[0]) >= 8 ? 1 : 0;
        }
        assertThat(careLevels.keySet()).containsExactlyInAnyOrder("null", "0", "1", "2", "3");
        assertThat(careLevels.get("null") / (double) n).isBetween(0.15, 0.25);
        assertThat(withoutSupporter / (double) n).as("old people living alone without a supporter").isBetween(0.2, 0.35);
        assertThat(hardships / (double) n).isBetween(0.01, 0.03);
        assertThat(missingAssets / (double) n).isBetween(0.01, 0.05);
        assertThat(groupRentals / (double) n).isBetween(0.02, 0.06);
        assertThat(population.careLevel(59)).as("people under 60 are not assessed").isNull();
    }

    @Test
    void circumstancesDoNotChangeThePeopleDrawnBefore() {
        SyntheticPopulation plain = new SyntheticPopulation(42);
        SyntheticPopulation withCircumstances = new SyntheticPopulation(42);
        for (int i = 0; i < 100; i++) {
            withCircumstances.careLevel(70);
            withCircumstances.rentalInspection();
            assertThat(withCircumstances.name(true)).isEqualTo(plain.name(true));
            assertThat(withCircumstances.incomePerCapita()).isEqualTo(plain.incomePerCapita());
        }
    }

    private static List<String> draw(SyntheticPopulation population, int n) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean male = population.male();
            people.add(population.name(male) + population.age(false) + population.incomePerCapita()
                    + population.hukouType());
        }
        return people;
    }
}
