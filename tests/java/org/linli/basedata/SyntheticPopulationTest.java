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
