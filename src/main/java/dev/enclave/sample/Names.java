package dev.enclave.sample;

import java.util.List;

/**
 * Given names and surnames from many cultures. Surnames that are also eponyms used in the clinical vocabulary
 * (Parkinson, Crohn, Graves, Barrett, Murphy, Foley...) and given names that are ordinary English words or months
 * (May, Will, Hope...) are left out on purpose, so that every capitalised occurrence of a listed name is a name.
 */
final class Names {
    static final List<String> FEMALE = List.of(
            "Maria", "Ana", "Sofia", "Isabella", "Camila", "Valentina", "Lucía", "Carmen", "Rosa", "Guadalupe",
            "Ximena", "Daniela", "Alejandra", "Mariana", "Paola", "Elena", "Dolores", "Esperanza", "Inés", "Marisol",
            "Itzel", "Beatriz", "Joana", "Jennifer", "Jessica", "Ashley", "Emily", "Sarah", "Elizabeth", "Megan",
            "Lauren", "Rachel", "Hannah", "Abigail", "Olivia", "Emma", "Charlotte", "Amelia", "Harper", "Evelyn",
            "Madison", "Chloe", "Natalie", "Victoria", "Katherine", "Margaret", "Dorothy", "Barbara", "Patricia",
            "Linda", "Susan", "Deborah", "Karen", "Nancy", "Sandra", "Donna", "Carol", "Sharon", "Michelle",
            "Kimberly", "Amanda", "Stephanie", "Heather", "Nicole", "Tiffany", "Brittany", "Crystal", "Jasmine",
            "Aaliyah", "Imani", "Keisha", "Latoya", "Shanice", "Ebony", "Tamika", "Monique", "Destiny", "Mei",
            "Xiu", "Ying", "Hui", "Yuki", "Haruka", "Sakura", "Aiko", "Min-ji", "Ji-woo", "Seo-yeon", "Hyun-joo",
            "Priya", "Ananya", "Deepika", "Lakshmi", "Sunita", "Kavya", "Aisha", "Fatima", "Zainab", "Layla", "Noor",
            "Yasmin", "Mariam", "Leila", "Amina", "Chiamaka", "Ngozi", "Adaeze", "Folake", "Abena", "Ama", "Nadia",
            "Olga", "Svetlana", "Katarzyna", "Agnieszka", "Irina", "Anastasia", "Ingrid", "Astrid", "Freya",
            "Sigrid", "Siobhan", "Aoife", "Niamh", "Bridget", "Mairead", "Chantal", "Élodie", "Zoë", "Renée",
            "Linh", "Thuy", "Ngoc", "Maricel", "Jocelyn", "Rowena", "Giulia", "Francesca", "Chiara", "Noa", "Tamar",
            "Yael", "Leilani", "Esther", "Miriam", "Gloria", "Ruth", "Agnes", "Wanda", "Loretta", "Bernadette",
            "Consuelo", "Yolanda", "Shirley", "Mildred", "Gertrude", "Eun-ji", "Anjali", "Meera", "Farida", "Dilnoza");

    static final List<String> MALE = List.of(
            "José", "Juan", "Luis", "Carlos", "Miguel", "Jorge", "Alejandro", "Diego", "Javier", "Rafael",
            "Santiago", "Mateo", "Andrés", "Héctor", "Ramón", "Francisco", "Rolando", "Emmanuel", "James", "John",
            "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher",
            "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin",
            "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Nicholas",
            "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory",
            "Frank", "Raymond", "Patrick", "Dennis", "Jerry", "Tyrone", "DeShawn", "Jamal", "Malik", "Terrence",
            "Darnell", "Marcus", "Andre", "Jerome", "Reginald", "Wei", "Jian", "Hao", "Ming", "Hiroshi", "Takeshi",
            "Kenji", "Haruto", "Minho", "Ji-hoon", "Seung-woo", "Dong-hyun", "Raj", "Arjun", "Vikram", "Rahul",
            "Sanjay", "Amit", "Rohan", "Mohammed", "Ahmed", "Omar", "Yusuf", "Hassan", "Khalid", "Tariq", "Karim",
            "Mustafa", "Chukwuemeka", "Oluwaseun", "Kwame", "Kofi", "Emeka", "Tunde", "Dmitri", "Sergei",
            "Aleksandr", "Piotr", "Łukasz", "Tomasz", "Bogdan", "Lars", "Søren", "Erik", "Anders", "Sean", "Liam",
            "Cian", "Declan", "Pádraig", "Jean-Luc", "François", "Étienne", "Minh", "Tuan", "Duc", "Quang", "Bao",
            "Jomar", "Giuseppe", "Luca", "Marco", "Avi", "Eitan", "Noam", "Keanu", "Kai", "Harold", "Walter",
            "Eugene", "Ernest", "Floyd", "Leroy", "Clarence", "Vernon", "Mehmet", "Emre", "Arash", "Dariusz");

    static final List<String> SURNAMES = List.of(
            "Garcia", "García", "Rodriguez", "Rodríguez", "Martinez", "Hernandez", "Hernández", "Lopez", "López",
            "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Reyes",
            "Morales", "Cruz", "Ortiz", "Gutierrez", "Chavez", "Ramos", "Ruiz", "Mendoza", "Alvarez", "Castillo",
            "Jimenez", "Vasquez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas", "Castro", "Guerrero",
            "Salazar", "Fuentes", "Peña", "Ibáñez", "Smith", "Johnson", "Williams", "Jones", "Miller", "Davis",
            "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Thompson", "Harris", "Clark",
            "Lewis", "Robinson", "Walker", "Allen", "Wright", "Scott", "Nelson", "Carter", "Mitchell", "Roberts",
            "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Rogers",
            "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Kelly", "Howard", "Ward", "Richardson", "Watson",
            "Brooks", "Bennett", "Hughes", "Sanders", "Myers", "Ross", "Foster", "Powell", "Jenkins", "Perry",
            "Russell", "Sullivan", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Reynolds", "Graham",
            "Wallace", "Owens", "Marshall", "Ellis", "Gibson", "McDonald", "Harrison", "Kennedy", "Freeman",
            "Dawson", "Holloway", "Whitfield", "Okafor", "Adeyemi", "Okonkwo", "Nwosu", "Mensah", "Asante",
            "Boateng", "Diallo", "Traoré", "Kamara", "Abebe", "Tesfaye", "Haile", "Nguyen", "Nguyễn", "Tran",
            "Pham", "Hoang", "Vu", "Dang", "Bui", "Chen", "Wang", "Zhang", "Liu", "Yang", "Huang", "Zhao", "Wu",
            "Zhou", "Xu", "Lin", "Guo", "Li", "Lee", "Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang",
            "Lim", "Shin", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura",
            "Kobayashi", "Sato", "Kato", "Patel", "Shah", "Singh", "Kumar", "Sharma", "Gupta", "Reddy", "Rao",
            "Iyer", "Nair", "Mehta", "Desai", "Chatterjee", "Banerjee", "Khan", "Ahmed", "Hussain", "Rahman",
            "Ali", "Haddad", "Nasser", "Khalil", "Saleh", "Mansour", "Farah", "Aziz", "Qureshi", "Cohen", "Levy",
            "Friedman", "Goldberg", "Katz", "Shapiro", "Rosen", "Weiss", "Kowalski", "Nowak", "Wiśniewski",
            "Lewandowski", "Zieliński", "Ivanov", "Petrov", "Smirnov", "Volkov", "Popescu", "Horvath", "Novak",
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch",
            "Richter", "Larsen", "Nielsen", "Hansen", "Johansson", "Lindqvist", "Andersson", "O'Neil", "O'Brien",
            "O'Connor", "O'Sullivan", "McCarthy", "Gallagher", "Doyle", "Byrne", "Kavanagh", "Fitzgerald", "Rossi",
            "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "DeLuca",
            "Costa", "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Almeida", "Ferreira", "Carvalho",
            "Dubois", "Lefebvre", "Moreau", "Girard", "Fontaine", "Bouchard", "Gagnon", "Tremblay",
            "Papadopoulos", "Georgiou", "Nikolaidis", "Yılmaz", "Demir", "Kaya", "Öztürk", "Dela Cruz", "Bautista",
            "Villanueva", "Aquino", "Begay", "Yazzie", "Tsosie", "Kealoha", "Akana", "Van der Berg", "De la Rosa",
            "St. Pierre", "MacLeod", "Abernathy", "Quintero", "Zamora", "Okoro", "Eze", "Mwangi", "Otieno");

    private Names() {
    }
}
