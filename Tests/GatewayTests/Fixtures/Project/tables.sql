CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE friendships (person_id INT NOT NULL, friend_id INT NOT NULL, PRIMARY KEY (person_id, friend_id));
CREATE TABLE greetings (id INT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(200) NOT NULL);
INSERT INTO people (id, name) VALUES (1, 'Ada'), (2, 'Lin'), (3, 'Grace');
INSERT INTO friendships (person_id, friend_id) VALUES (1, 2), (1, 3), (2, 1);
